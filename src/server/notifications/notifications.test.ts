import { afterAll, describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { sql } from "drizzle-orm";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { callerFor } from "../../test/caller";
import { withTenant } from "../db/with-tenant";
import { openCashSession } from "../cash/open-cash-session";
import { closeCashSession } from "../cash/close-cash-session";
import { scanAreaAlerts } from "./scan-area-alerts";
import { notificationsScan } from "@/inngest/functions/notifications-scan";

const admin = adminSql();
afterAll(() => admin.end());

/** A fiscal document in `status`, requested `minutesAgo` (the state the fiscal worker leaves behind). */
async function fiscalDocument(tenantId: string, status: "PENDING" | "REJECTED", minutesAgo = 0) {
  const [d] = await admin<{ id: string }[]>`
    insert into fiscal_documents (tenant_id, kind, status, point_of_sale, receiver_doc_type, receiver_doc_number, receiver_iva_condition, lines, total, last_error, requested_at)
    values (${tenantId}, 'INVOICE', ${status}, 3, 99, '0', 5, '[]'::jsonb, 100, ${status === "REJECTED" ? "10016: El campo CbteFch no es válido" : null},
            now() - make_interval(mins => ${minutesAgo}))
    returning id`;
  return d!.id;
}

describe("notifications for every area (issue 14 item 6)", () => {
  it("one scan notifies each area once; each role sees only its areas; read marks are per user", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const cashier = await addMember(t.tenantId, "CASHIER");
    const cashier2 = await addMember(t.tenantId, "CASHIER");
    const supervisor = await addMember(t.tenantId, "SUPERVISOR");
    const manager = await addMember(t.tenantId, "MANAGER");

    const rejected = await fiscalDocument(t.tenantId, "REJECTED");
    await fiscalDocument(t.tenantId, "PENDING", 90);
    await fiscalDocument(t.tenantId, "PENDING", 1); // recent: not stuck
    await fiscalDocument(other.tenantId, "REJECTED");
    await admin`insert into offline_sync_batches (tenant_id, user_id, sales, accepted, conflicts, duplicates, refused, errors, duration_ms)
                values (${t.tenantId}, ${cashier.userId}, 3, 1, 0, 0, 2, 0, 10)`;
    // A blind close 40 % short: CRITICAL, pending a supervisor's justification.
    const [reg] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId} limit 1`;
    await withTenant(
      t.tenantId,
      async (tx) => {
        const s = await openCashSession(tx, { registerId: reg!.id, openingFloat: "100.00" }, { userId: cashier.userId });
        await closeCashSession(tx, { cashSessionId: s.id, declared: [{ method: "CASH", amount: "60.00" }] }, { userId: cashier.userId });
      },
      { userId: cashier.userId },
    );

    const first = await withTenant(t.tenantId, (tx) => scanAreaAlerts(tx));
    expect(first).toEqual({ fiscalRejected: 1, fiscalStuck: 1, offlineRefused: 1, stockConflicts: 0, cashCritical: 1 });
    expect(await withTenant(t.tenantId, (tx) => scanAreaAlerts(tx))).toEqual({ fiscalRejected: 0, fiscalStuck: 0, offlineRefused: 0, stockConflicts: 0, cashCritical: 0 });

    const kinds = async (userId: string) => (await callerFor(userId, t.slug).notifications.list()).items.map((n) => n.kind).sort();
    expect(await kinds(supervisor.userId)).toEqual(["CASH_DEVIATION_CRITICAL", "FISCAL_DOCS_STUCK", "FISCAL_DOC_REJECTED"]);
    expect(await kinds(cashier.userId)).toEqual(["OFFLINE_SALES_REFUSED"]);
    expect(await kinds(cashier2.userId)).toEqual([]);
    expect(await kinds(manager.userId)).toEqual([]);
    expect(await kinds(t.ownerId)).toEqual(["CASH_DEVIATION_CRITICAL", "FISCAL_DOCS_STUCK", "FISCAL_DOC_REJECTED"]);

    const sup = callerFor(supervisor.userId, t.slug);
    const list = await sup.notifications.list();
    const doc = list.items.find((n) => n.kind === "FISCAL_DOC_REJECTED")!;
    expect(doc).toMatchObject({ link: `/fiscal/comprobantes/${rejected}`, read: false, body: "10016: El campo CbteFch no es válido" });
    expect(list.items.find((n) => n.kind === "CASH_DEVIATION_CRITICAL")!.body).toMatch(/^Desvío -\$\s?40,00 \(-40\s%\)/);
    expect(await sup.notifications.unreadCount()).toBe(3);

    await sup.notifications.markRead({ ids: [doc.id] });
    expect(await sup.notifications.unreadCount()).toBe(2);
    expect(await callerFor(t.ownerId, t.slug).notifications.unreadCount()).toBe(3); // per user
    await sup.notifications.markRead({ ids: [doc.id], read: false });
    expect(await sup.notifications.unreadCount()).toBe(3);

    // Someone else's, another area's or another business's ids change nothing.
    const cashierNote = (await callerFor(cashier.userId, t.slug).notifications.list()).items[0]!;
    const [foreign] = await admin<{ id: string }[]>`select id from notifications where tenant_id = ${other.tenantId} limit 1`;
    await expect(sup.notifications.markRead({ ids: [cashierNote.id, foreign?.id ?? cashierNote.id] })).resolves.toEqual({ changed: 0 });
    const reads = await admin`select 1 from notification_reads where user_id = ${supervisor.userId}`;
    expect(reads).toHaveLength(0);
    await expect(sup.notifications.markRead({ ids: ["no-es-un-id"] })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("the Inngest cron scans every business through the same service", async () => {
    const t = await makeTenant();
    await fiscalDocument(t.tenantId, "REJECTED");
    const engine = new InngestTestEngine({ function: notificationsScan });
    const { result, error } = await engine.execute({ events: [{ name: "inngest/scheduled.timer", data: {} }] });
    expect(error).toBeUndefined();
    const mine = (result as { results: { tenantId: string; fiscalRejected: number }[] }).results.find((r) => r.tenantId === t.tenantId);
    expect(mine).toMatchObject({ fiscalRejected: 1, fiscalStuck: 0 });
    const rows = await withTenant(t.tenantId, (tx) => tx.execute<{ kind: string }>(sql`select kind from notifications`));
    expect(rows.map((r) => r.kind)).toEqual(["FISCAL_DOC_REJECTED"]);
  });
});
