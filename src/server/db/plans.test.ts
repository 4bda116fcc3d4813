// The plan check: runs the hot paths (catalog search, POS search and scan, customer search,
// a sale) on a seeded database, collects every statement they send, and EXPLAINs each one
// as the app role inside the tenant (RLS on). A sequential scan of a table holding more
// than 10,000 rows fails the build: under RLS an index that is not reachable with leakproof
// operators silently turns into a scan, and that is exactly what this catches.
process.env.MOSTRADOR_OBSERVE_QUERIES = "1";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import postgres from "postgres";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { observeQueries } from "./client";
import { withTenant } from "./with-tenant";
import { listProducts } from "../catalog/list-products";
import { findProductByCode, searchProducts } from "../pos/find-products";
import { searchCustomers } from "../pos/customers";
import { createSale } from "../pos/create-sale";
import { openSession, saleInput } from "../pos/test-helpers";

const BIG = 12_000;
const SCAN_LIMIT = 10_000;

const admin = adminSql();
const app = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
afterAll(async () => {
  await app.end();
  await admin.end();
});

let t: Awaited<ReturnType<typeof makeTenant>>;

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
};
type Finding = { seqScans: string[]; wasted: { rel: string; rows: number }[] };
const walk = (n: PlanNode, f: Finding): Finding => {
  if (n["Node Type"] === "Seq Scan" && n["Relation Name"]) f.seqScans.push(n["Relation Name"]);
  const removed = ((n["Rows Removed by Filter"] ?? 0) + (n["Rows Removed by Index Recheck"] ?? 0)) * (n["Actual Loops"] ?? 1);
  if (n["Relation Name"] && removed > 0) f.wasted.push({ rel: n["Relation Name"], rows: removed });
  for (const c of n.Plans ?? []) walk(c, f);
  return f;
};

/**
 * EXPLAIN ANALYZE as the app role inside the tenant, rolled back: the relations scanned
 * sequentially, and the rows each scan read only to throw away (a whole-tenant index or
 * bitmap scan filtered by a non-leakproof LIKE is a scan in disguise). A statement that
 * cannot run twice (the sale's inserts) is explained without ANALYZE.
 */
async function planOf(query: string, params: unknown[]): Promise<Finding> {
  const explain = async (analyze: boolean) => {
    let found: Finding | undefined;
    await app
      .begin(async (tx) => {
        await tx`select set_config('app.current_tenant', ${t.tenantId}, true)`;
        const [row] = await tx.unsafe<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(
          `explain (${analyze ? "analyze, " : ""}format json) ${query}`,
          params as never[],
        );
        found = walk(row!["QUERY PLAN"][0]!.Plan, { seqScans: [], wasted: [] });
        throw new Error("rollback");
      })
      .catch((e: Error) => {
        if (e.message !== "rollback") throw e;
      });
    return found!;
  };
  return explain(true).catch(() => explain(false));
}

async function bigTables(): Promise<Map<string, number>> {
  const rows = await admin<{ relname: string; n: number }[]>`
    select relname, reltuples::bigint::int as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`;
  return new Map(rows.map((r) => [r.relname, r.n]));
}

beforeAll(async () => {
  t = await makeTenant("Planes");
  const other = await makeTenant("Vecino");
  const words = `array['Agua','Leche','Cacao','Café','Harina','Aceite','Vino','Yerba','Queso','Arroz']`;
  const more = `array['entera','descremada','tostado','girasol','malbec','suave','común','sin sal']`;
  for (const [tenant, n] of [
    [t, BIG],
    [other, 3_000],
  ] as const) {
    await admin.unsafe(
      `insert into products (tenant_id, id, sku, name, unit, sale_price, iva_rate, stock_min, has_expiry)
       select $1::uuid, gen_random_uuid(), 'SKU-' || lpad(i::text, 7, '0'),
              (${words})[1 + i % 10] || ' ' || (${more})[1 + (i / 10) % 8] || ' #' || i, 'u', 100, 21, 0, false
       from generate_series(1, $2::int) as i`,
      [tenant.tenantId, n],
    );
    await admin.unsafe(
      `insert into product_barcodes (tenant_id, product_id, barcode)
       select tenant_id, id, '779' || lpad(substr(sku, 5), 10, '0') from products where tenant_id = $1`,
      [tenant.tenantId],
    );
    await admin.unsafe(
      `insert into lots (tenant_id, id, product_id, warehouse_id, lot_number, initial_quantity, quantity, unit_cost, received_at)
       select tenant_id, gen_random_uuid(), id, $2::uuid, 'L-' || sku, 100, 100, 50, now() - interval '1 day' from products where tenant_id = $1`,
      [tenant.tenantId, tenant.warehouseId],
    );
    await admin.unsafe(
      `insert into stock_levels (tenant_id, product_id, warehouse_id, quantity)
       select tenant_id, product_id, warehouse_id, quantity from lots where tenant_id = $1`,
      [tenant.tenantId],
    );
    await admin.unsafe(
      `insert into customers (tenant_id, doc_type, doc_number, name, iva_condition)
       select $1::uuid, 'DNI', (20000000 + i)::text, (array['González','Pérez','Rodríguez','Fernández','López'])[1 + i % 5] || ' ' ||
              (array['Ana','Juan','María','Carlos','Lucía','Diego'])[1 + (i / 5) % 6] || ' ' || i, 'CONSUMIDOR_FINAL'
       from generate_series(1, $2::int) as i`,
      [tenant.tenantId, n],
    );
  }
  // As autovacuum leaves a settled table: statistics and the visibility map (index-only scans).
  await admin.unsafe("vacuum analyze");
}, 300_000);

describe("hot query plans as the app role", () => {
  it("the checker itself sees a whole-tenant scan and a sequential scan", async () => {
    const big = await bigTables();
    expect(big.get("products")).toBeGreaterThan(SCAN_LIMIT);
    const bad = await planOf(`select sum(sale_price) from products where lower(sku) like $1`, ["%42%"]);
    expect(bad.wasted.find((w) => w.rel === "products")?.rows ?? 0).toBeGreaterThan(SCAN_LIMIT);
    expect((await planOf(`select sum(quantity * unit_cost) from lots`, [])).seqScans).toContain("lots");
  });

  it("no hot path scans a table of more than 10,000 rows", async () => {
    const seen: { query: string; params: unknown[] }[] = [];
    observeQueries((query, params) => {
      if (!/^\s*(select set_config|begin|commit|rollback|savepoint|release)/i.test(query)) seen.push({ query, params: [...params] });
    });
    const cashier = await addMember(t.tenantId, "CASHIER");
    const [reg] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId} limit 1`;
    const session = await openSession(t.tenantId, cashier.userId, reg!.id, "0");
    const picks = await admin<{ id: string }[]>`select id from products where tenant_id = ${t.tenantId} order by sku limit 3`;
    seen.length = 0;
    const hot = await withTenant(t.tenantId, async (tx) => {
      const agua = await listProducts(tx, { search: "agua", pageSize: 25 });
      await listProducts(tx, { search: "leche descremada", pageSize: 25, page: 2 });
      await listProducts(tx, { search: "SKU-0000042", pageSize: 25 });
      await listProducts(tx, { pageSize: 25 });
      const pos = await searchProducts(tx, "yerba suave");
      const scan = await findProductByCode(tx, "7790000000042");
      const byName = await searchCustomers(tx, "gonzález ana");
      const byDoc = await searchCustomers(tx, "2000012");
      return { agua: agua.total, pos: pos.length, scan: scan?.sku, byName: byName.length, byDoc: byDoc.length };
    });
    // The hot paths really found things (a plan of a query that returns nothing proves little).
    expect(hot.agua).toBe(BIG / 10);
    expect(hot).toMatchObject({ pos: 12, scan: "SKU-0000042", byName: 10 });
    expect(hot.byDoc).toBeGreaterThan(0);
    await withTenant(
      t.tenantId,
      (tx) =>
        createSale(
          tx,
          saleInput(reg!.id, session.id, picks.map((p) => ({ productId: p.id, quantity: "1", unitPrice: "100.00" })), [{ method: "CASH", amount: "300.00" }]),
          { userId: cashier.userId },
          { mode: "online" },
        ),
      { userId: cashier.userId },
    );
    observeQueries(undefined);
    expect(seen.length).toBeGreaterThan(15);

    const big = await bigTables();
    const offenders: string[] = [];
    for (const { query, params } of seen) {
      const plan = await planOf(query, params);
      const text = query.replace(/\s+/g, " ").slice(0, 160);
      for (const rel of plan.seqScans) {
        if ((big.get(rel) ?? 0) > SCAN_LIMIT) offenders.push(`seq scan of ${rel} (${big.get(rel)} rows) ← ${text}`);
      }
      for (const w of plan.wasted) if (w.rows > SCAN_LIMIT) offenders.push(`${w.rows} rows of ${w.rel} read and filtered out ← ${text}`);
    }
    expect(offenders).toEqual([]);
  });
});
