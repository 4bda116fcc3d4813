import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { adminSql, makeTenant } from "../../test/factories";
import { withAnonymous, withTenant } from "./with-tenant";
import { warehouses } from "./schema/warehouses";

const admin = adminSql();
afterAll(() => admin.end());

describe("the tenant id comes from the transaction (drizzle/sql/121_tenant_default.sql)", () => {
  it("every tenant table's tenant_id defaults to app_current_tenant()", async () => {
    const rows = await admin<{ relname: string; def: string | null }[]>`
      select c.relname, pg_get_expr(d.adbin, d.adrelid) as def
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
      left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
      where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`;
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.def !== "app_current_tenant()").map((r) => r.relname)).toEqual([]);
  });

  it("an insert that omits tenant_id lands in the transaction's tenant and only there", async () => {
    const a = await makeTenant("A");
    const b = await makeTenant("B");
    const [row] = await withTenant(a.tenantId, (tx) => tx.insert(warehouses).values({ name: "Depósito sin tenant" }).returning());
    expect(row!.tenantId).toBe(a.tenantId);
    const inB = await withTenant(b.tenantId, (tx) => tx.select().from(warehouses).where(eq(warehouses.id, row!.id)));
    expect(inB).toEqual([]);
  });

  it("with no tenant set the default is NULL and the row is refused", async () => {
    await expect(withAnonymous((tx) => tx.insert(warehouses).values({ name: "Huérfano" }))).rejects.toThrow();
    const rows = await admin<{ n: number }[]>`select count(*)::int as n from warehouses where name = 'Huérfano'`;
    expect(rows[0]?.n).toBe(0);
  });
});
