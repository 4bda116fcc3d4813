import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { adminSql } from "../../test/factories";
import { makeSyncShop, type SyncShop } from "../../test/sync";
import { withTenant } from "../db/with-tenant";
import { saleInput } from "../pos/test-helpers";
import { syncSalesGrouped } from "./sync-sales-grouped";

// The reports rollup is one call per transaction for all its sales (700_reports.sql): a group
// of synced sales, with a refused one rolled back to its savepoint, must add exactly the
// accepted sales — the same figures a rebuild from the sales computes.

const admin = adminSql();
afterAll(() => admin.end());

let t: SyncShop;
let cola: string;

beforeAll(async () => {
  t = await makeSyncShop("Kiosco rollup");
  cola = await t.product("Cola", "1000.00", "100", "500");
});

const snapshot = () =>
  admin<{ tickets: number; net: string; quantity: string; amount: string }[]>`
    select (select coalesce(sum(tickets), 0)::int from report_daily_tickets where tenant_id = ${t.tenantId}) as tickets,
           (select coalesce(sum(net), 0)::text from report_daily_tickets where tenant_id = ${t.tenantId}) as net,
           (select coalesce(sum(quantity), 0)::text from report_daily_products where tenant_id = ${t.tenantId}) as quantity,
           (select coalesce(sum(amount), 0)::text from report_daily_payments where tenant_id = ${t.tenantId}) as amount`;

describe("reports rollup of a synced group", () => {
  it("adds every accepted sale once, none of the refused, fast group or savepoint path alike; equals a rebuild", async () => {
    const ok = (n: number) => t.cashSale(cola, String(n), "1000.00");
    // Fast path: a whole group in one transaction without savepoints.
    const fast = await syncSalesGrouped(t.run, [ok(1), ok(2), ok(3)], { userId: t.cashier.userId }, { log: () => {} });
    expect(fast.map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED"]);
    expect(await snapshot()).toEqual([{ tickets: 3, net: "6000.00", quantity: "6.000", amount: "6000.00" }]);
    // Careful path: a refused sale (unknown session) rolls back to its savepoint inside the group.
    const refused = saleInput(t.registerId, randomUUID(), [{ productId: cola, quantity: "5", unitPrice: "1000.00" }], [{ method: "CASH", amount: "5000.00" }]);
    const careful = await syncSalesGrouped(t.run, [ok(1), refused, ok(4)], { userId: t.cashier.userId }, { log: () => {} });
    expect(careful.map((r) => r.status)).toEqual(["ACCEPTED", "REFUSED", "ACCEPTED"]);
    const afterTriggers = await snapshot();
    expect(afterTriggers).toEqual([{ tickets: 5, net: "11000.00", quantity: "11.000", amount: "11000.00" }]);
    await withTenant(t.tenantId, (tx) => tx.execute(sql`select reports_rebuild()`), { userId: t.ownerId });
    expect(await snapshot()).toEqual(afterTriggers);
  });
});
