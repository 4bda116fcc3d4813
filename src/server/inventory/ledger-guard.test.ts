import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { withTenant } from "../db/with-tenant";
import { adminSql, makeTenant } from "../../test/factories";

// The ledger is append-only in the database itself, not just by convention.
/** The database's own message (drizzle wraps it in "Failed query: …" with the cause attached). */
async function dbError(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    const err = e as { message: string; cause?: { message?: string } };
    return err.cause?.message ?? err.message;
  }
  return "no error";
}

describe("stock_movements append-only guard", () => {
  async function seedMovement() {
    const t = await makeTenant();
    const productId = randomUUID();
    await withTenant(t.tenantId, async (tx) => {
      await tx.execute(sql`insert into products (tenant_id, id, sku, name) values (${t.tenantId}, ${productId}, 'G-1', 'Guardia')`);
      await tx.execute(sql`insert into stock_movements (tenant_id, type, product_id, warehouse_id, quantity, unit_cost, stock_before, stock_after, operation_id)
        values (${t.tenantId}, 'IN', ${productId}, ${t.warehouseId}, 1, 10, 0, 1, ${randomUUID()})`);
    });
    return t;
  }

  it("refuses UPDATE and DELETE from the app role", async () => {
    const t = await seedMovement();
    expect(await dbError(withTenant(t.tenantId, (tx) => tx.execute(sql`update stock_movements set quantity = 5`)))).toMatch(
      /permission denied for table stock_movements/,
    );
    expect(await dbError(withTenant(t.tenantId, (tx) => tx.execute(sql`delete from stock_movements`)))).toMatch(
      /permission denied for table stock_movements/,
    );
    const rows = await withTenant(t.tenantId, (tx) => tx.execute<{ quantity: string }>(sql`select quantity from stock_movements`));
    expect(rows.map((r) => r.quantity)).toEqual(["1.000"]);
  });

  it("refuses UPDATE, DELETE and TRUNCATE even from a superuser (trigger)", async () => {
    const t = await seedMovement();
    const admin = adminSql();
    try {
      await expect(admin`update stock_movements set quantity = 5`).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(admin`delete from stock_movements`).rejects.toThrow(/append-only: DELETE refused/);
      await expect(admin`truncate stock_movements`).rejects.toThrow(/append-only: TRUNCATE refused/);
      const [n] = await admin<{ n: number }[]>`select count(*)::int as n from stock_movements where tenant_id = ${t.tenantId}`;
      expect(n!.n).toBe(1);
    } finally {
      await admin.end();
    }
  });

  it("the app role holds no UPDATE/DELETE privilege on the ledger", async () => {
    const admin = adminSql();
    try {
      const [p] = await admin<{ upd: boolean; del: boolean; ins: boolean }[]>`
        select has_table_privilege('mostrador_app', 'stock_movements', 'UPDATE') as upd,
               has_table_privilege('mostrador_app', 'stock_movements', 'DELETE') as del,
               has_table_privilege('mostrador_app', 'stock_movements', 'INSERT') as ins`;
      expect(p).toEqual({ upd: false, del: false, ins: true });
      // Lots and levels are updated under the level lock but never deleted by the app.
      const [q] = await admin<{ lots: boolean; levels: boolean; lotsUpd: boolean }[]>`
        select has_table_privilege('mostrador_app', 'lots', 'DELETE') as lots,
               has_table_privilege('mostrador_app', 'stock_levels', 'DELETE') as levels,
               has_table_privilege('mostrador_app', 'lots', 'UPDATE') as "lotsUpd"`;
      expect(q).toEqual({ lots: false, levels: false, lotsUpd: true });
    } finally {
      await admin.end();
    }
  });
});
