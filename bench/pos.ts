// npm run bench:pos — sale-commit latency through the real tRPC HTTP endpoint, against a
// hand-written SQL transaction doing the same writes, measured in the same run. The app is
// the production build (`npm run build` first): .next/standalone/server.js, as in the image.
//
// A fresh embedded PostgreSQL (.data/pg-bench-pos) is migrated and seeded through the domain
// services (tenant, cashier, 8 registers with open sessions, 40 products with stock). The
// production Next.js server serves /api/trpc (next-auth JWT cookie → user → membership →
// withTenant transaction). Clients are @trpc/client with superjson.
//
// The baseline is the same writes as one hand-written transaction in plain postgres.js: tagged
// templates (named prepared statements, one round trip each), one statement after the other —
// stock level, FEFO lot and ledger line per product, ticket counter, sale, lines, payment, cash
// movement — under the same RLS as the app role, paying the same triggers (the reports rollup at
// commit, the ledger and append-only guards) and foreign keys. It skips what only the app does:
// the idempotency lock and lookup, reading the session, products and lots, the pack-chain locks.
// (Until the app's sale path moved to prepared, pipelined statements, the baseline went through
// Drizzle's `execute`, which postgres.js sends unnamed with a describe round trip first: two
// round trips per statement, ~44 per sale. That measured the driver, not the database.)
//
// Each sale: 5 random distinct products, quantity 1, paid in cash. 1 client = sequential on
// one register; 8 clients = 8 registers selling concurrently (shared catalog, so lots and
// stock levels do contend, as in a real shop).
import { randomBytes, randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";

process.env.LOG_LEVEL ??= "warn";
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? "production" });
process.env.NEXTAUTH_SECRET ??= "bench-secret-bench-secret-bench-secret";
// Production refuses to start without its secrets: fresh random ones; Inngest events go to a
// closed local port (fiscal documents stay PENDING), as in scripts/e2e-server.ts.
process.env.FISCAL_KEY_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.INNGEST_SIGNING_KEY ??= `signkey-test-${randomBytes(32).toString("hex")}`;
process.env.INNGEST_EVENT_KEY ??= randomBytes(16).toString("hex");
process.env.INNGEST_BASE_URL ??= "http://127.0.0.1:9";

const SALES_1 = Number(process.env.BENCH_SALES_1 ?? 300);
const SALES_8 = Number(process.env.BENCH_SALES_8 ?? 480);
const WARMUP = 40;
const PRODUCTS = 40;
const LINES = 5;

const { freePort } = await import("../src/server/db/embedded");
const { resolveDatabase, migrateTarget } = await import("../src/server/db/bootstrap");
const dataDir = path.resolve(process.cwd(), ".data/pg-bench-pos");
delete process.env.DATABASE_URL;
rmSync(dataDir, { recursive: true, force: true });
const target = await resolveDatabase({ dataDir, port: await freePort() });
process.env.DATABASE_URL = target.appUrl;
process.env.DATABASE_OWNER_URL = target.ownerUrl;
process.env.DATABASE_POOL_MAX ??= "12";
await migrateTarget(target);

const { sql } = await import("drizzle-orm");
const { withTenant } = await import("../src/server/db/with-tenant");
const { createTenant } = await import("../src/server/tenancy/create-tenant");
const { seedMember } = await import("../src/server/tenancy/seed-member");
const { createProduct } = await import("../src/server/catalog/create-product");
const { withCheckDigit } = await import("../src/lib/barcode");
const { receiveStock } = await import("../src/server/inventory/receive-stock");
const { openCashSession } = await import("../src/server/cash/open-cash-session");
const { closeDb } = await import("../src/server/db/client");

// ---- seed through the domain services
const tenantId = randomUUID();
const ownerId = randomUUID();
const slug = "bench";
const { warehouseId } = await withTenant(
  tenantId,
  (tx) =>
    createTenant(
      tx,
      { tenantId, businessName: "Bench", kind: "RETAIL", slug },
      { kind: "new", userId: ownerId, name: "Owner", email: "owner@bench.test", password: "bench-password" },
    ),
  { userId: ownerId },
);
const cashierId = (await withTenant(
  tenantId,
  (tx) => seedMember(tx, { email: "cajero@bench.test", name: "Cajero", role: "CASHIER", password: "bench-password" }, { userId: ownerId, tenantId }),
  { userId: ownerId },
))!;
const products = await withTenant(
  tenantId,
  async (tx) => {
    const out: { id: string; price: string }[] = [];
    for (let i = 0; i < PRODUCTS; i++) {
      const price = (1000 + i * 37).toFixed(2);
      const { id } = await createProduct(tx, { sku: `B-${i}`, name: `Producto ${i}`, salePrice: price, barcodes: [withCheckDigit(`779${String(i).padStart(9, "0")}`)] }, { userId: ownerId });
      await receiveStock(tx, { productId: id, warehouseId, quantity: "1000000", unitCost: "500" }, { userId: ownerId });
      out.push({ id, price });
    }
    return out;
  },
  { userId: ownerId },
);
const registers = await withTenant(
  tenantId,
  async (tx) => {
    const regs: { registerId: string; cashSessionId: string }[] = [];
    const [first] = await tx.execute<{ id: string }>(sql`select id from registers limit 1`);
    const ids = [first!.id];
    for (let i = 2; i <= 18; i++) {
      const [r] = await tx.execute<{ id: string }>(sql`insert into registers (tenant_id, name, warehouse_id) values (${tenantId}, ${"Caja " + i}, ${warehouseId}) returning id`);
      ids.push(r!.id);
    }
    for (const registerId of ids) {
      const s = await openCashSession(tx, { registerId, openingFloat: "0" }, { userId: cashierId });
      regs.push({ registerId, cashSessionId: s.id });
    }
    return regs;
  },
  { userId: cashierId },
);
// 0: 1-client app, 1..8: 8-client app, 9..16: baseline (its own registers, same products), 17: service without HTTP.

// ---- the production server: `npm run build` (next build, output "standalone"), then the
// same server.js a container runs, on its own port, against this database.
const { spawn } = await import("node:child_process");
const { cpSync, existsSync } = await import("node:fs");
const standalone = path.resolve(process.cwd(), ".next/standalone");
if (!existsSync(path.join(standalone, "server.js"))) throw new Error("npm run build first (bench:pos measures the production server)");
cpSync(path.resolve(process.cwd(), ".next/static"), path.join(standalone, ".next/static"), { recursive: true });
cpSync(path.resolve(process.cwd(), "public"), path.join(standalone, "public"), { recursive: true });
// Turbopack's traced copy can miss server chunks (an [externals] chunk of instrumentation.js was
// absent here, and the server never became ready): complete it from the build's own output.
cpSync(path.resolve(process.cwd(), ".next/server"), path.join(standalone, ".next/server"), { recursive: true, force: false });
const port = await freePort();
// BENCH_SERVER_ARGS: extra node flags for the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
const serverArgs = (process.env.BENCH_SERVER_ARGS ?? "").split(" ").filter(Boolean);
const server = spawn(process.execPath, [...serverArgs, "server.js"], {
  cwd: standalone,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    DATABASE_URL: target.appUrl,
    DATABASE_POOL_MAX: "12",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: "warn",
  },
});
for (let i = 0; ; i++) {
  const ok = await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false);
  if (ok) break;
  if (i > 240) throw new Error("the production server never became ready");
  await new Promise((r) => setTimeout(r, 500));
}

const { encode } = await import("next-auth/jwt");
const token = await encode({ token: { sub: cashierId, uid: cashierId, sv: 1 }, secret: process.env.NEXTAUTH_SECRET! });
const { createTRPCClient, httpLink } = await import("@trpc/client");
const superjson = (await import("superjson")).default;
type AppRouter = import("../src/server/api/root").AppRouter;
const client = createTRPCClient<AppRouter>({
  links: [
    httpLink({
      url: `http://127.0.0.1:${port}/api/trpc`,
      transformer: superjson,
      headers: { cookie: `next-auth.session-token=${token}`, "x-tenant-slug": slug },
    }),
  ],
});

function pick(n: number) {
  const chosen = new Set<number>();
  while (chosen.size < n) chosen.add(Math.floor(Math.random() * products.length));
  return [...chosen].map((i) => products[i]!);
}
function saleFor(reg: { registerId: string; cashSessionId: string }) {
  const lines = pick(LINES);
  const total = lines.reduce((a, p) => a + Math.round(Number(p.price) * 100), 0);
  return {
    id: randomUUID(),
    registerId: reg.registerId,
    cashSessionId: reg.cashSessionId,
    createdAt: new Date().toISOString(),
    lines: lines.map((p) => ({ productId: p.id, quantity: "1", unitPrice: p.price })),
    payments: [{ method: "CASH" as const, amount: (total / 100).toFixed(2) }],
  };
}

// ---- the baseline: one hand-written SQL transaction with the same writes, sent the way
// hand-written postgres.js code sends it: tagged templates, i.e. named prepared statements (one
// round trip each once a connection has prepared it), one statement after the other.
const postgres = (await import("postgres")).default;
const baseSql = postgres(target.appUrl, { max: 12, onnotice: () => {}, types: {} });
async function baselineSale(reg: { registerId: string; cashSessionId: string }) {
  const s = saleFor(reg);
  const sorted = [...s.lines].sort((a, b) => a.productId.localeCompare(b.productId));
  await baseSql.begin(async (tx) => {
    await tx`select set_config('app.current_tenant', ${tenantId}, true), set_config('app.current_user', ${cashierId}, true)`;
    let cost = 0;
    const lineCosts = new Map<string, string>();
    for (const l of sorted) {
      const [lvl] = await tx<{ quantity: string }[]>`
        update stock_levels set quantity = quantity - 1, updated_at = now()
        where tenant_id = ${tenantId} and product_id = ${l.productId} and warehouse_id = ${warehouseId} returning quantity`;
      const [lot] = await tx<{ id: string; unit_cost: string }[]>`
        update lots set quantity = quantity - 1 where tenant_id = ${tenantId} and id = (
          select id from lots where tenant_id = ${tenantId} and product_id = ${l.productId} and warehouse_id = ${warehouseId}
            and quantity > 0 and not is_deficit order by expires_at nulls last, received_at limit 1)
        returning id, unit_cost`;
      await tx`
        insert into stock_movements (tenant_id, type, product_id, warehouse_id, lot_id, quantity, unit_cost, stock_before, stock_after,
          destination_type, source_type, source_id, operation_id, user_id)
        values (${tenantId}, 'SALE', ${l.productId}, ${warehouseId}, ${lot!.id}, -1, ${lot!.unit_cost}, ${lvl!.quantity}::numeric + 1, ${lvl!.quantity},
          'CUSTOMER', 'SALE', ${s.id}, gen_random_uuid(), ${cashierId})`;
      cost += Number(lot!.unit_cost);
      lineCosts.set(l.productId, lot!.unit_cost);
    }
    const [c] = await tx<{ last_number: number }[]>`
      insert into register_ticket_counters (tenant_id, register_id, last_number) values (${tenantId}, ${reg.registerId}, 1)
      on conflict (tenant_id, register_id) do update set last_number = register_ticket_counters.last_number + 1 returning last_number`;
    const total = s.payments[0]!.amount;
    await tx`
      insert into sales (tenant_id, id, register_id, cash_session_id, warehouse_id, ticket_number, cashier_id, subtotal, total, paid, cost_total, created_at)
      values (${tenantId}, ${s.id}, ${reg.registerId}, ${reg.cashSessionId}, ${warehouseId}, ${c!.last_number}, ${cashierId}, ${total}, ${total}, ${total}, ${cost.toFixed(2)}, now())`;
    // Lines as one multi-row insert (5 lines: the same statement text every time).
    await tx`
      insert into sale_lines ${tx(
        s.lines.map((l, i) => ({
          tenant_id: tenantId,
          sale_id: s.id,
          line_no: i + 1,
          product_id: l.productId,
          description: "x",
          quantity: "1",
          unit_price: l.unitPrice,
          total: l.unitPrice,
          cost_total: lineCosts.get(l.productId) ?? "0",
        })),
      )}`;
    await tx`insert into sale_payments (tenant_id, sale_id, line_no, method, amount, applied) values (${tenantId}, ${s.id}, 1, 'CASH', ${total}, ${total})`;
    await tx`
      insert into cash_movements (tenant_id, cash_session_id, type, method, amount, sale_id, created_by)
      values (${tenantId}, ${reg.cashSessionId}, 'SALE', 'CASH', ${total}, ${s.id}, ${cashierId})`;
  });
}

async function run(clients: number, total: number, regs: typeof registers, one: (reg: (typeof registers)[number]) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (next < total) {
        next++;
        const t0 = performance.now();
        await one(regs[c]!);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!;
  return { n: latencies.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), perSecond: latencies.length / seconds };
}

const viaTrpc = async (reg: (typeof registers)[number]) => {
  const r = await client.pos.createSale.mutate(saleFor(reg));
  if (r.status !== "CREATED") throw new Error("unexpected duplicate");
};

// Sanity: a replay through HTTP returns the first result.
const probe = saleFor(registers[0]!);
const first = await client.pos.createSale.mutate(probe);
const replay = await client.pos.createSale.mutate(probe);
if (replay.status !== "DUPLICATE" || replay.ticketNumber !== first.ticketNumber) throw new Error("idempotency check failed");

const { createSale } = await import("../src/server/pos/create-sale");
const viaService = (reg: (typeof registers)[number]) =>
  withTenant(tenantId, (tx) => createSale(tx, saleFor(reg), { userId: cashierId }, { mode: "online", allowNegativeStock: false }), { userId: cashierId });

await run(1, WARMUP, registers.slice(0, 1), viaTrpc);
await run(1, WARMUP, registers.slice(9, 10), baselineSale);
// 1 client: the four workloads interleaved sale by sale, so load swings on a shared machine hit
// them alike (throughput at 1 client = 1 / mean latency).
const lat = { app: [] as number[], base: [] as number[], svc: [] as number[], read: [] as number[] };
const timed = async (into: number[], fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  into.push(performance.now() - t0);
};
for (let i = 0; i < SALES_1; i++) {
  await timed(lat.app, () => viaTrpc(registers[0]!));
  await timed(lat.base, () => baselineSale(registers[9]!));
  await timed(lat.svc, () => viaService(registers[17]!));
  await timed(lat.read, () => client.pos.registers.query());
}
const summarize = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { n: xs.length, p50: q(0.5), p95: q(0.95), p99: q(0.99), perSecond: (1000 * xs.length) / xs.reduce((a, b) => a + b, 0) };
};
const app1 = summarize(lat.app);
const base1 = summarize(lat.base);
const svc1 = summarize(lat.svc);
const empty1 = summarize(lat.read);
// CPU spent per sale at 8 clients, by process (Linux /proc): where the two cores go.
const { readFileSync, readdirSync } = await import("node:fs");
const ticks = (pid: number | string) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return Number(f[11]) + Number(f[12]); // utime + stime, clock ticks (1/100 s)
  } catch {
    return 0;
  }
};
// This cluster's postmaster (first line of postmaster.pid) and its backends, not other clusters on the machine.
const postmaster = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]!.trim();
const parentOf = (pid: string) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[1];
  } catch {
    return undefined;
  }
};
const postgresTicks = () =>
  readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d) && (d === postmaster || parentOf(d) === postmaster))
    .reduce((a, d) => a + ticks(d), 0);
async function withCpu<T>(n: number, fn: () => Promise<T>) {
  const before = { server: ticks(server.pid!), pg: postgresTicks(), bench: process.cpuUsage() };
  const r = await fn();
  const bench = process.cpuUsage(before.bench);
  const perSale = (t: number) => (t * 10) / n;
  return { ...r, cpu: { server: perSale(ticks(server.pid!) - before.server), pg: perSale(postgresTicks() - before.pg), bench: (bench.user + bench.system) / 1000 / n } };
}
const app8 = await withCpu(SALES_8, () => run(8, SALES_8, registers.slice(1, 9), viaTrpc));
const base8 = await withCpu(SALES_8, () => run(8, SALES_8, registers.slice(9, 17), baselineSale));

// Gapless check on every register used by the app.
const gaps = await withTenant(tenantId, (tx) =>
  tx.execute<{ register_id: string; n: number; max: number }>(sql`
    select register_id, count(*)::int as n, max(ticket_number) as max from sales group by register_id having count(*) <> max(ticket_number)`),
);

const f = (x: number) => x.toFixed(1).padStart(7);
console.log(`\nPOS sale commit, ${LINES}-line sale, via tRPC HTTP (app) vs hand-written SQL transaction (baseline)\n`);
console.log("                      n   p50 ms   p95 ms   p99 ms   sales/s");
for (const [name, r] of [
  ["app      1 client ", app1],
  ["baseline 1 client ", base1],
  ["service  1 client ", svc1],
  ["tRPC read 1 client", empty1],
  ["app      8 clients", app8],
  ["baseline 8 clients", base8],
] as const) {
  console.log(`${name} ${String(r.n).padStart(5)} ${f(r.p50)}  ${f(r.p95)}  ${f(r.p99)}  ${f(r.perSecond)}`);
}
for (const [name, r] of [["app", app8], ["baseline", base8]] as const) {
  console.log(`CPU ms per sale at 8 clients, ${name.padEnd(8)}: server ${r.cpu.server.toFixed(2)}, postgres ${r.cpu.pg.toFixed(2)}, bench client ${r.cpu.bench.toFixed(2)}`);
}
console.log(`\nthroughput ratio app/baseline: 1 client ${(app1.perSecond / base1.perSecond).toFixed(2)}, 8 clients ${(app8.perSecond / base8.perSecond).toFixed(2)}`);
console.log("(service = createSale inside withTenant, no HTTP/auth; tRPC read = pos.registers over HTTP: the per-request cost of");
console.log(" HTTP + JWT + session-user and membership lookups + tenant transaction, i.e. where the rest of the time goes)");
const load = (await import("node:os")).loadavg()[0]!.toFixed(1);
console.log(`machine load average (1 min) at the end: ${load} on ${(await import("node:os")).cpus().length} cores`);
console.log(`target p95 ≤ 15 ms at 1 client: ${app1.p95 <= 15 ? "MET" : "NOT MET"} (${app1.p95.toFixed(1)} ms)`);
console.log(`target ≥ 0.8 of the baseline's throughput at 8 clients: ${app8.perSecond / base8.perSecond >= 0.8 ? "MET" : "NOT MET"} (${(app8.perSecond / base8.perSecond).toFixed(2)})`);
console.log(`ticket numbers without gaps on every register: ${gaps.length === 0 ? "yes" : "NO"}`);

server.kill("SIGTERM");
await baseSql.end();
await closeDb();
await target.server?.stop();
process.exit(0);
