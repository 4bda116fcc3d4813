import { describe, expect, it, afterAll } from "vitest";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { auditTenantIsolation } from "./audit-isolation";
import { adminSql, makeTenant } from "../../test/factories";
import { getDb } from "../db/client";
import { withTenant } from "../db/with-tenant";
import { warehouses } from "../db/schema/warehouses";

const APP_ROLE = "mostrador_app";
const admin = adminSql();
afterAll(() => admin.end());

async function tenantTables(): Promise<string[]> {
  const rows = await admin<{ relname: string }[]>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id'
    where n.nspname = 'public' and c.relkind = 'r' order by 1`;
  return rows.map((r) => r.relname);
}

describe("tenant isolation, read from the live catalog", () => {
  it("finds no problem in the migrated schema", async () => {
    expect(await auditTenantIsolation(admin, APP_ROLE)).toEqual([]);
  });

  it("flags a table whose RLS is not forced, a widened policy and a global unique key", async () => {
    await admin.begin(async (tx) => {
      await tx`alter table warehouses no force row level security`;
      await tx`create policy leak on registers using (true)`;
      await tx`create unique index warehouses_global_name on warehouses (name)`;
      const problems = await auditTenantIsolation(tx, APP_ROLE);
      expect(problems).toContain("warehouses: RLS not forced");
      expect(problems).toContain("registers: extra permissive policy leak");
      expect(problems).toContain("warehouses: unique index warehouses_global_name lacks tenant_id");
      throw new Error("rollback");
    }).catch((e: Error) => expect(e.message).toBe("rollback"));
    expect(await auditTenantIsolation(admin, APP_ROLE)).toEqual([]);
  });

  it("flags a new tenant table added without the migration's RLS step", async () => {
    await admin.begin(async (tx) => {
      await tx`create table widgets (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id))`;
      const problems = await auditTenantIsolation(tx, APP_ROLE);
      expect(problems).toEqual(
        expect.arrayContaining(["widgets: RLS not enabled", "widgets: RLS not forced", "widgets: no tenant_isolation policy on app.current_tenant"]),
      );
      throw new Error("rollback");
    }).catch((e: Error) => expect(e.message).toBe("rollback"));
  });
});

describe("tenant isolation, at run time as the app role", () => {
  it("a transaction with no tenant set sees zero rows of every tenant table and cannot write", async () => {
    const a = await makeTenant("A");
    await makeTenant("B");
    const tables = await tenantTables();
    expect(tables.length).toBeGreaterThan(2);
    const app = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      for (const t of tables) {
        const [asAdmin] = await admin.unsafe(`select count(*)::int as n from "${t}"`);
        const [asApp] = await app.unsafe(`select count(*)::int as n from "${t}"`);
        expect(asApp!.n, t).toBe(0);
        if (["warehouses", "registers", "memberships"].includes(t)) expect(asAdmin!.n, t).toBeGreaterThan(0);
      }
      await expect(app`insert into warehouses (tenant_id, name) values (${a.tenantId}, 'x')`).rejects.toThrow(/row-level security/);
    } finally {
      await app.end();
    }
  });

  it("a connection reused after tenant A's transaction sees nothing of A", async () => {
    const a = await makeTenant("A");
    const app = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      const inside = await app.begin(async (tx) => {
        await tx`select set_config('app.current_tenant', ${a.tenantId}, true)`;
        return tx`select count(*)::int as n from warehouses`;
      });
      expect(inside[0]!.n).toBe(1);
      const after = await app`select count(*)::int as n, current_setting('app.current_tenant', true) as setting from warehouses`;
      expect(after[0]!.n).toBe(0);
      expect(after[0]!.setting).toBe("");
    } finally {
      await app.end();
    }
  });

  it("withTenant scopes reads and writes; another tenant's row cannot be touched", async () => {
    const a = await makeTenant("A");
    const b = await makeTenant("B");
    const seenByA = await withTenant(a.tenantId, (tx) => tx.select().from(warehouses));
    expect(seenByA.map((w) => w.tenantId)).toEqual([a.tenantId]);
    const updated = await withTenant(a.tenantId, (tx) =>
      tx.execute(sql`update warehouses set name = 'robado' where id = ${b.warehouseId} returning id`),
    );
    expect(updated.length).toBe(0);
    await expect(
      withTenant(a.tenantId, (tx) => tx.insert(warehouses).values({ tenantId: b.tenantId, name: "intruso" })),
    ).rejects.toThrow();
    const [bw] = await admin`select name from warehouses where id = ${b.warehouseId}`;
    expect(bw!.name).toBe("Depósito principal");
    expect(getDb()).toBeDefined();
  });
});
