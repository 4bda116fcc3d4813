import { readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";

// Read-only checks against the e2e server's database (the embedded PostgreSQL that
// scripts/e2e-server.ts started for this port, or DATABASE_URL when the run uses an external
// one). They connect as the superuser (RLS does not apply to it), so every query names its
// tenant itself (the spec's own business, by slug): `current_setting('app.current_tenant')`, set
// at the start of the transaction.

function databaseUrl(): string {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const port = process.env.E2E_PORT ?? "3210";
  const pid = readFileSync(path.resolve(process.cwd(), `.data/pg-e2e-${port}/postmaster.pid`), "utf8").split("\n");
  return `postgres://postgres:postgres@127.0.0.1:${pid[3]!.trim()}/mostrador`;
}

/** One transaction on the e2e database with `app.current_tenant` set to the business at `slug`. */
export async function withTenantDb<T>(slug: string, fn: (sql: postgres.TransactionSql) => Promise<T>): Promise<T> {
  const sql = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
  try {
    return (await sql.begin(async (tx) => {
      await tx`select set_config('app.current_tenant', tenant_id_by_slug(${slug})::text, true)`;
      return fn(tx);
    })) as T;
  } finally {
    await sql.end();
  }
}

/** The shared demo business (the read-only every-page spec). */
export const withDemoDb = <T>(fn: (sql: postgres.TransactionSql) => Promise<T>): Promise<T> => withTenantDb("demo", fn);

export type Snapshot = { sales: number; cash: string; stock: Record<string, string>; conflicts: number };

/** Sales and cash movement totals of one session, and stock of the given barcodes. */
export async function snapshot(slug: string, cashSessionId: string, barcodes: string[]): Promise<Snapshot> {
  return withTenantDb(slug, async (tx) => {
    const [s] = await tx<{ sales: number; cash: string; conflicts: number }[]>`
      select (select count(*)::int from sales where cash_session_id = ${cashSessionId}) as sales,
             (select coalesce(sum(amount), 0)::text from cash_movements where cash_session_id = ${cashSessionId}) as cash,
             (select count(*)::int from stock_conflicts c join sales s on s.tenant_id = c.tenant_id and s.id = c.sale_id
               where s.cash_session_id = ${cashSessionId}) as conflicts`;
    const stock: Record<string, string> = {};
    for (const b of barcodes) {
      const [r] = await tx<{ q: string }[]>`
        select coalesce(sum(l.quantity), 0)::text as q from product_barcodes pb
        join stock_levels l on l.tenant_id = pb.tenant_id and l.product_id = pb.product_id
        where pb.tenant_id = current_setting('app.current_tenant')::uuid and pb.barcode = ${b}`;
      stock[b] = r!.q;
    }
    return { sales: s!.sales, cash: s!.cash, conflicts: s!.conflicts, stock };
  });
}

export async function salesByIds(slug: string, ids: string[]): Promise<{ id: string; mode: string; total: string }[]> {
  return withTenantDb(slug, (tx) => tx<{ id: string; mode: string; total: string }[]>`
    select id, mode, total from sales where tenant_id = current_setting('app.current_tenant')::uuid and id = any(${ids}::uuid[])`);
}

/**
 * What an exit from a register's warehouse can take before it goes short: the non-deficit lots
 * there (a deficit left by an earlier oversell lowers the stock level but is not takeable).
 */
export async function takeableAtRegister(slug: string, barcode: string, registerName: string): Promise<string> {
  return withTenantDb(slug, async (tx) => {
    const [r] = await tx<{ q: string }[]>`
      select coalesce(sum(l.quantity), 0)::text as q
      from product_barcodes pb
      join registers r on r.tenant_id = pb.tenant_id and r.name = ${registerName}
      join lots l on l.tenant_id = pb.tenant_id and l.product_id = pb.product_id and l.warehouse_id = r.warehouse_id
      where pb.tenant_id = current_setting('app.current_tenant')::uuid and pb.barcode = ${barcode} and not l.is_deficit`;
    return r!.q;
  });
}
