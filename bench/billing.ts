// npm run bench:billing — 1,000 invoices through the real billing-batch path (createBatch →
// passes of multi-record FECAESolicitar under the series lock, per-document recovery →
// closing) against the same 1,000 documents issued one request each by the fiscal area's
// one-by-one issuer, in the same run, against the same fake ARCA behind a proxy that loses the
// answer of 10 % of FECAESolicitar requests (ARCA authorises, the client times out).
// Prints documents per second for both, the ratio, duplicates and gaps, and the load average.
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

process.env.LOG_LEVEL ??= "warn";
const N = Number(process.env.BENCH_DOCS ?? 1000);
const TIMEOUT_EVERY = 10; // 10 % of FECAESolicitar requests lose their answer
process.env.AFIP_TIMEOUT_MS = process.env.AFIP_TIMEOUT_MS ?? "1000";

const { freePort } = await import("../src/server/db/embedded");
const { resolveDatabase, migrateTarget } = await import("../src/server/db/bootstrap");
const dataDir = path.resolve(process.cwd(), ".data/pg-bench-billing");
delete process.env.DATABASE_URL;
rmSync(dataDir, { recursive: true, force: true });
const target = await resolveDatabase({ dataDir, port: await freePort() });
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
await migrateTarget(target);

const { sql } = await import("drizzle-orm");
const { createTestCa } = await import("../src/server/afip/fake/certs");
const { startFakeAfip } = await import("../src/server/afip/fake/server");
const { makeFiscalTenant } = await import("../src/test/fiscal");
const { billingPointOfSale, seedAccountCharges } = await import("../src/test/billing");
const { withTenant } = await import("../src/server/db/with-tenant");
const { createBatch } = await import("../src/server/billing/create-batch");
const { runBatchRound } = await import("../src/server/billing/run-batch-round");
const { finishBatch } = await import("../src/server/billing/finish-batch");
const { issueDocument } = await import("../src/server/fiscal/issue-document");
const { FiscalRetryableError } = await import("../src/server/fiscal/retryable");
const { closeDb } = await import("../src/server/db/client");

const ca = createTestCa();
const fake = await startFakeAfip({ ca });

// The lossy link: every 10th FECAESolicitar reaches ARCA (authorised) but its answer is dropped.
let solicitar = 0;
let dropped = 0;
const proxy = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const body = Buffer.concat(chunks);
    const drop = String(req.headers.soapaction ?? "").includes("FECAESolicitar") && ++solicitar % TIMEOUT_EVERY === 0;
    const up = new URL(fake.url);
    const fwd = request({ host: up.hostname, port: up.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      const parts: Buffer[] = [];
      r.on("data", (c: Buffer) => parts.push(c));
      r.on("end", () => {
        if (drop) {
          dropped++;
          return setTimeout(() => res.socket?.destroy(), Number(process.env.AFIP_TIMEOUT_MS) * 3).unref();
        }
        res.writeHead(r.statusCode ?? 500, r.headers);
        res.end(Buffer.concat(parts));
      });
    });
    fwd.end(body);
  });
});
await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
process.env.FAKE_AFIP_URL = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

const today = new Date(Date.now() - 3 * 3600_000).toISOString().slice(0, 10);
async function prepare() {
  const t = await makeFiscalTenant(ca);
  await billingPointOfSale(t.tenantId, 7);
  await seedAccountCharges(t.tenantId, t.ownerId, N);
  const batchId = randomUUID();
  await withTenant(t.tenantId, (tx) => createBatch(tx, { id: batchId, pointOfSale: 7, issueDate: today }, { userId: t.ownerId }));
  return { ...t, batchId };
}

/** 0 duplicates and 0 gaps: ARCA's numbers per series are 1..n, each held by exactly one of our ISSUED documents. */
async function check(t: { tenantId: string; cuit: string; batchId: string }) {
  const docs = await withTenant(t.tenantId, (tx) =>
    tx.execute<{ status: string; number: number; cbte_tipo: number }>(sql`
      select f.status, f.number::int as number, f.cbte_tipo from billing_documents d join fiscal_documents f on f.id = d.fiscal_document_id where d.batch_id = ${t.batchId}`),
  );
  let duplicates = 0;
  let gaps = 0;
  for (const tipo of new Set(docs.map((d) => d.cbte_tipo))) {
    const atArca = fake.issued(t.cuit).filter((c) => c.cbteTipo === tipo).map((c) => c.nro).sort((a, b) => a - b);
    const ours = docs.filter((d) => d.cbte_tipo === tipo && d.status === "ISSUED").map((d) => d.number).sort((a, b) => a - b);
    duplicates += atArca.length - new Set(atArca).size + (atArca.length - ours.length);
    gaps += atArca.filter((n, i) => n !== i + 1).length + ours.filter((n, i) => n !== atArca[i]).length;
  }
  return { issued: docs.filter((d) => d.status === "ISSUED").length, duplicates, gaps };
}

// ---- baseline: one request per document (the fiscal area's issuer), retried at once on a transient outcome
const one = await prepare();
const oneIds = (await withTenant(one.tenantId, (tx) => tx.execute<{ id: string }>(sql`select fiscal_document_id as id from billing_documents where batch_id = ${one.batchId}`))).map((r) => r.id);
solicitar = 0;
dropped = 0;
let start = performance.now();
for (const id of oneIds) {
  for (let attempt = 0; ; attempt++) {
    try {
      await issueDocument(one.tenantId, id);
      break;
    } catch (e) {
      if (!(e instanceof FiscalRetryableError) || attempt > 10) throw e;
    }
  }
}
const oneMs = performance.now() - start;
await withTenant(one.tenantId, (tx) => finishBatch(tx, one.batchId));
const oneDropped = dropped;
const oneCheck = await check(one);

// ---- the batch path
const batch = await prepare();
solicitar = 0;
dropped = 0;
start = performance.now();
let passes = 0;
for (; passes < 10; passes++) {
  const r = await runBatchRound(batch.tenantId, batch.batchId);
  if (r.transient.length) console.log(`  pass ${passes + 1}: ${r.transient.join("; ")}`);
  if (r.remaining === 0) break;
  await new Promise((res) => setTimeout(res, 250 * (passes + 1))); // the function's backoff, shortened
}
const closed = await withTenant(batch.tenantId, (tx) => finishBatch(tx, batch.batchId));
const batchMs = performance.now() - start;
const batchCheck = await check(batch);

const rate = (ms: number) => (N / (ms / 1000)).toFixed(1);
console.log(`bench:billing — ${N} documents, FECAESolicitar answers lost: 1 in ${TIMEOUT_EVERY}, client deadline ${process.env.AFIP_TIMEOUT_MS} ms`);
console.log(`  one request per document: ${(oneMs / 1000).toFixed(1)} s, ${rate(oneMs)} docs/s, ${oneDropped} answers lost, issued ${oneCheck.issued}, duplicates ${oneCheck.duplicates}, gaps ${oneCheck.gaps}`);
console.log(`  billing batch (multi-record): ${(batchMs / 1000).toFixed(1)} s, ${rate(batchMs)} docs/s, ${dropped} answers lost, ${passes + 1} pass(es), ${closed.status}, issued ${batchCheck.issued}, duplicates ${batchCheck.duplicates}, gaps ${batchCheck.gaps}`);
console.log(`  ratio: ${(oneMs / batchMs).toFixed(1)}× faster (target ≥ 5×)`);
console.log(`  load average: ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

await closeDb();
await fake.close();
proxy.closeAllConnections();
proxy.close();
await target.server?.stop();
process.exit(batchCheck.duplicates || batchCheck.gaps || batchCheck.issued !== N ? 1 : 0);
