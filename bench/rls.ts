// npm run bench:rls — what row-level security costs on the hot paths.
//
// On the database bench:inventory seeds (.data/pg-bench: 50,000 products and 500,000
// movements in one tenant among four others; run `npm run bench:inventory` once first), the
// real services run once as the app role while every statement they send is recorded: the
// tRPC door's session + membership lookup, the catalog search, the POS search and scan,
// a stock exit's locks and lot reads, the movements page. The ten most frequent distinct
// statements are then timed, same text and same parameters, as the app role WITH RLS and
// as a superuser (RLS does not apply), alternating run by run, each in its own transaction
// with the same app.current_tenant. Writes are rolled back. Target (issue 20): ≤ 10 %.
process.env.MOSTRADOR_OBSERVE_QUERIES = "1";
process.env.LOG_LEVEL ??= "warn";

import path from "node:path";
import os from "node:os";
import postgres from "postgres";
import { freePort, startEmbeddedPostgres } from "../src/server/db/embedded";
import { DEV_ROLES, roleUrl } from "../src/server/db/roles";
import { runMigrations } from "../src/server/db/migrate";

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const DB = "mostrador_bench";

const server = await startEmbeddedPostgres({ dir: path.resolve(process.cwd(), ".data/pg-bench"), port: await freePort(), quiet: true });
try {
  // The seeded database may predate later migrations: bring it up to this build.
  await runMigrations(roleUrl(server.superuserUrl(), DEV_ROLES.owner, DB), DEV_ROLES.app.name).catch(() => undefined);
  const su = postgres(server.superuserUrl(DB), { max: 1, onnotice: () => {} });
  const [big] = await su<{ id: string; user_id: string; slug: string; warehouse_id: string }[]>`
    select t.id, t.slug, m.user_id, w.id as warehouse_id from tenants t
    join memberships m on m.tenant_id = t.id join warehouses w on w.tenant_id = t.id and w.is_default
    where t.slug like 'bench-0-%' limit 1`.catch(() => []);
  if (!big) throw new Error("no seeded bench database: run `npm run bench:inventory` once first");
  const [someProduct] = await su<{ id: string; barcode: string }[]>`
    select p.id, b.barcode from products p join product_barcodes b on b.tenant_id = p.tenant_id and b.product_id = p.id
    where p.tenant_id = ${big.id} order by p.sku limit 1`;

  process.env.DATABASE_URL = roleUrl(server.superuserUrl(), DEV_ROLES.app, DB);
  const { observeQueries, closeDb } = await import("../src/server/db/client");
  const { withSessionMembership, withTenant } = await import("../src/server/db/with-tenant");
  const { listProducts } = await import("../src/server/catalog/list-products");
  const { searchProducts, findProductByCode } = await import("../src/server/pos/find-products");
  const { listMovements } = await import("../src/server/inventory/list-movements");
  const { lockExitChain } = await import("../src/server/inventory/lock-exit-chain");
  const { lockLevel, openLots } = await import("../src/server/inventory/ledger");

  // 1. Record what the hot paths send (reads only; the exit's locks are taken and rolled back).
  const seen = new Map<string, { query: string; params: unknown[]; count: number }>();
  observeQueries((query, params) => {
    // Transaction control and postgres.js's own catalog lookups are not the app's queries.
    if (/^\s*(select set_config|begin|commit|rollback|savepoint|release)/i.test(query) || /pg_catalog\./.test(query)) return;
    const hit = seen.get(query);
    if (hit) hit.count++;
    else seen.set(query, { query, params: [...params], count: 1 });
  });
  for (const q of ["agua", "leche entera", "#1234"]) {
    await withSessionMembership({ userId: big.user_id, sessionVersion: 1 }, big.slug, async (tx) => {
      await listProducts(tx, { search: q, pageSize: 25 });
      await searchProducts(tx, q);
      await findProductByCode(tx, someProduct!.barcode);
      await listMovements(tx, { productId: someProduct!.id, pageSize: 50 });
    });
  }
  await withTenant(big.id, async (tx) => {
    await lockExitChain(tx, [someProduct!.id], big.warehouse_id);
    await lockLevel(tx, someProduct!.id, big.warehouse_id);
    await openLots(tx, someProduct!.id, big.warehouse_id);
  }).catch(() => undefined);
  observeQueries(undefined);
  await closeDb();
  const hottest = [...seen.values()].sort((a, b) => b.count - a.count).slice(0, 10);

  // 2. Time each as the app role (RLS) and as a superuser (no RLS), alternating.
  const app = postgres(roleUrl(server.superuserUrl(), DEV_ROLES.app, DB), { max: 1, onnotice: () => {} });
  const once = async (sql: postgres.Sql, q: (typeof hottest)[number]) => {
    const t0 = performance.now();
    await sql
      .begin(async (tx) => {
        await tx`select set_config('app.current_tenant', ${big.id}, true), set_config('app.current_user', ${big.user_id}, true)`;
        await tx.unsafe(q.query, q.params as never[], { prepare: true });
        throw new Error("rollback");
      })
      .catch((e: Error) => {
        if (e.message !== "rollback") throw e;
      });
    return performance.now() - t0;
  };
  const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)]!;
  const median = (xs: number[]) => quantile(xs, 0.5);
  // On an oversubscribed machine the median carries the scheduler's noise (a run that waited
  // for a core); the 10th percentile is what the statement costs when it gets the CPU.
  const p10 = (xs: number[]) => quantile(xs, 0.1);
  let sumApp = 0;
  let sumSu = 0;
  let sumApp10 = 0;
  let sumSu10 = 0;
  console.log(`RLS overhead on the ${hottest.length} most frequent statements of the hot paths (${RUNS} runs each, medians)\n`);
  console.log("   app+RLS ms  superuser ms  ratio  p10 ratio  statement");
  for (const q of hottest) {
    for (let i = 0; i < 5; i++) {
      await once(app, q);
      await once(su, q);
    }
    const a: number[] = [];
    const s: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Who goes first alternates, so neither side always finds the other's pages warm.
      if (i % 2) {
        a.push(await once(app, q));
        s.push(await once(su, q));
      } else {
        s.push(await once(su, q));
        a.push(await once(app, q));
      }
    }
    sumApp += median(a);
    sumSu += median(s);
    sumApp10 += p10(a);
    sumSu10 += p10(s);
    console.log(
      `${median(a).toFixed(3).padStart(12)} ${median(s).toFixed(3).padStart(13)} ${(median(a) / median(s)).toFixed(2).padStart(6)} ${(p10(a) / p10(s)).toFixed(2).padStart(8)}  ${q.query.replace(/\s+/g, " ").slice(0, 90)}`,
    );
  }
  const ratio = sumApp / sumSu;
  console.log(`\nRESULT sum of medians: app role with RLS ${sumApp.toFixed(2)} ms vs superuser without ${sumSu.toFixed(2)} ms → ratio ${ratio.toFixed(3)}, overhead ${((ratio - 1) * 100).toFixed(1)} % (target ≤ 10 %)`);
  const ratio10 = sumApp10 / sumSu10;
  console.log(`RESULT sum of 10th percentiles: ${sumApp10.toFixed(2)} ms vs ${sumSu10.toFixed(2)} ms → ratio ${ratio10.toFixed(3)}, overhead ${((ratio10 - 1) * 100).toFixed(1)} %`);
  console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(" ")} on ${os.cpus().length} cores`);
  await app.end();
  await su.end();
} finally {
  await server.stop();
}
