// npm run bench:fiscal — per-document cost of issuing through Mostrador's fiscal pipeline
// (series lock → cached WSAA ticket → in-flight recovery check →
// FECompUltimoAutorizado → number claimed → FECAESolicitar → CAE stored with audit XML)
// against a baseline measured in the same run: the bare protocol exchange for one document
// (FECompUltimoAutorizado + FECAESolicitar with a ticket in hand, no database), both against the
// same local fake AFIP. The ratio is the price of never issuing twice or skipping a number.
import { rmSync } from "node:fs";
import path from "node:path";

process.env.LOG_LEVEL ??= "warn";
const N = Number(process.env.BENCH_DOCS ?? 200);
const SERIES = 4;

const { freePort } = await import("../src/server/db/embedded");
const { resolveDatabase, migrateTarget } = await import("../src/server/db/bootstrap");
const dataDir = path.resolve(process.cwd(), ".data/pg-bench-fiscal");
delete process.env.DATABASE_URL;
rmSync(dataDir, { recursive: true, force: true });
const target = await resolveDatabase({ dataDir, port: await freePort() });
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
process.env.DATABASE_POOL_MAX ??= "12";
await migrateTarget(target);

const { createTestCa, issueTestCertificate } = await import("../src/server/afip/fake/certs");
const { startFakeAfip } = await import("../src/server/afip/fake/server");
const { loginCms } = await import("../src/server/afip/wsaa");
const { compUltimoAutorizado, caeSolicitar } = await import("../src/server/afip/wsfe");
const { makeFiscalTenant, consumerSale, requestDoc, randomCuit } = await import("../src/test/fiscal");
const { issueDocument } = await import("../src/server/fiscal/issue-document");
const { closeDb } = await import("../src/server/db/client");

const ca = createTestCa();
const fake = await startFakeAfip({ ca });
process.env.FAKE_AFIP_URL = fake.url;

// ---- baseline: the protocol alone
const cuit = randomCuit("30");
const cert = issueTestCertificate(ca, { cuit });
const t0 = await loginCms({ url: fake.endpoints.wsaa, service: "wsfe", ...cert });
const auth = { token: t0.token, sign: t0.sign, cuit };
const o = { url: fake.endpoints.wsfe, timeoutMs: 10_000 };
const detail = (nro: number) => ({
  ptoVta: 1,
  cbteTipo: 6,
  detail: {
    concepto: 1, docTipo: 99, docNro: "0", cbteDesde: nro, cbteHasta: nro, cbteFch: new Date().toISOString().slice(0, 10).replace(/-/g, ""),
    impTotal: "8917.50", impTotConc: "0", impNeto: "7500.00", impOpEx: "0", impTrib: "0", impIva: "1417.50", monId: "PES", monCotiz: "1",
    condicionIvaReceptorId: 5, iva: [{ id: 5, baseImp: "6000.00", importe: "1260.00" }, { id: 4, baseImp: "1500.00", importe: "157.50" }],
  },
});
async function baseline(n: number) {
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const last = await compUltimoAutorizado(o, auth, 1, 6);
    const r = await caeSolicitar(o, auth, detail(last.cbteNro + 1));
    if (r.resultado !== "A") throw new Error(`baseline rejected: ${JSON.stringify(r.errors)}`);
  }
  return performance.now() - start;
}

// ---- Mostrador: request (PENDING row) + issue, one series sequentially, then SERIES in parallel
const tenant = await makeFiscalTenant(ca);
// Requests are created first (in production they ride on the sale's own transaction); only issuing is timed.
async function pipeline(n: number, pointOfSale: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await requestDoc(tenant.tenantId, consumerSale({ pointOfSale })));
  const start = performance.now();
  for (const id of ids) {
    const r = await issueDocument(tenant.tenantId, id);
    if (r.status !== "ISSUED") throw new Error(`not issued: ${JSON.stringify(r)}`);
  }
  return performance.now() - start;
}

await baseline(20); // warm-up
await pipeline(20, 99);
const base = await baseline(N);
const seq = await pipeline(N, 1);
// Parallel series: wall clock of the slowest series (each times only its issuing loop).
const par = Math.max(...(await Promise.all(Array.from({ length: SERIES }, (_, i) => pipeline(N / SERIES, 10 + i)))));

const perDoc = (ms: number) => (ms / N).toFixed(2);
console.log(`fiscal bench: ${N} documents against the local fake AFIP`);
console.log(`  baseline  protocol only (UltimoAutorizado + CAESolicitar), sequential: ${perDoc(base)} ms/doc`);
console.log(`  mostrador issue, one series, sequential:                              ${perDoc(seq)} ms/doc`);
console.log(`  mostrador issue, ${SERIES} series in parallel (wall clock):                  ${perDoc(par)} ms/doc`);
console.log(`  ratio sequential / baseline: ${(seq / base).toFixed(2)}x   ratio ${SERIES}-series / baseline: ${(par / base).toFixed(2)}x`);

await fake.close();
await closeDb();
await target.server?.stop();
process.exit(0);
