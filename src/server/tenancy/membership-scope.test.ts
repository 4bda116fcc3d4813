import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { withTenant, withUser } from "../db/with-tenant";
import { callerFor } from "../../test/caller";

const admin = adminSql();
afterAll(() => admin.end());

describe("own memberships in other businesses (issue 11)", () => {
  it("are invisible inside a tenant transaction unless the query asks for them", async () => {
    const a = await makeTenant("A");
    const b = await makeTenant("B");
    const person = await addMember(a.tenantId, "CASHIER");
    await admin`insert into memberships (tenant_id, user_id, role) values (${b.tenantId}, ${person.userId}, 'OWNER')`;
    const inA = await withTenant(a.tenantId, (tx) => tx.execute<{ tenant_id: string; role: string }>(sql`select tenant_id, role from memberships where user_id = ${person.userId}`), {
      userId: person.userId,
    });
    expect(inA.map((r) => r.role)).toEqual(["CASHIER"]);
    const asked = await withTenant(
      a.tenantId,
      async (tx) => {
        await tx.execute(sql`select set_config('app.own_memberships', 'on', true)`);
        return tx.execute<{ role: string }>(sql`select role from memberships where user_id = ${person.userId} order by role`);
      },
      { userId: person.userId },
    );
    expect(asked.map((r) => r.role).sort()).toEqual(["CASHIER", "OWNER"]);
    // "My businesses" (no tenant) still lists both.
    const mine = await withUser(person.userId, (tx) => tx.execute<{ role: string }>(sql`select role from memberships`));
    expect(mine.length).toBe(2);
    // The team list of A never shows the OWNER role this person has in B.
    const members = await callerFor(a.ownerId, a.slug).tenancy.members();
    expect(members.map((m) => m.role).sort()).toEqual(["CASHIER", "OWNER"]);
  });
});
