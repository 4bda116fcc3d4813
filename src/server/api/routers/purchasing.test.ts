import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callerFor } from "@/test/caller";
import { addMember, makeTenant } from "@/test/factories";
import { makeProduct } from "@/test/inventory";
import { randomCuit } from "@/test/purchasing";

describe("purchasing router: roles (SPEC §2) and the notifications bell", () => {
  it("MANAGER buys and pays; VIEWER and AUDITOR only read; CASHIER and OPERATOR see nothing of purchasing", async () => {
    const t = await makeTenant();
    const manager = callerFor((await addMember(t.tenantId, "MANAGER")).userId, t.slug);
    const viewer = callerFor((await addMember(t.tenantId, "VIEWER")).userId, t.slug);
    const cashier = callerFor((await addMember(t.tenantId, "CASHIER")).userId, t.slug);
    const operator = callerFor((await addMember(t.tenantId, "OPERATOR")).userId, t.slug);
    const auditor = callerFor((await addMember(t.tenantId, "AUDITOR")).userId, t.slug);

    const { id: supplierId } = await manager.purchasing.createSupplier({ name: "Proveedor Uno", cuit: randomCuit(), paymentTermsDays: 0 });
    await expect(manager.purchasing.createSupplier({ name: "X", cuit: "20-11111111-1" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const p = await makeProduct(t.tenantId);
    const order = await manager.purchasing.createOrder({ supplierId, lines: [{ productId: p, quantity: "2", unitCost: "50" }] });
    await manager.purchasing.sendOrder({ id: order.id });
    const detail = await manager.purchasing.order({ id: order.id });
    const r = await manager.purchasing.receive({
      idempotencyKey: randomUUID(),
      orderId: order.id,
      lines: [{ orderLineId: detail.lines[0]!.id, productId: p, quantity: "2", unitCost: "50", lotNumber: "A1", expiresAt: "2030-01-01" }],
    });
    expect(r.total).toBe("100.00");

    expect(await viewer.purchasing.suppliers()).toHaveLength(1);
    expect((await auditor.purchasing.payables()).rows).toHaveLength(1);
    await expect(viewer.purchasing.createSupplier({ name: "Y", cuit: randomCuit() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(viewer.purchasing.pay({ payableId: r.payableId, amount: "1", method: "CASH" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(cashier.purchasing.suppliers()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(operator.purchasing.payables()).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Payable due today → the daily scan notifies; managers see it in the bell, cashiers do not.
    await manager.purchasing.runAlerts();
    expect(await manager.purchasing.unreadCount()).toBe(1);
    const list = await manager.purchasing.notifications();
    expect(list.items[0]).toMatchObject({ kind: "PAYABLE_DUE_SOON", read: false, link: `/compras/pagos/${r.payableId}` });
    expect(await cashier.purchasing.unreadCount()).toBe(0);
    expect(await viewer.purchasing.unreadCount()).toBe(1);
    await manager.purchasing.markRead({});
    expect(await manager.purchasing.unreadCount()).toBe(0);
    expect(await viewer.purchasing.unreadCount()).toBe(1); // read marks are per user
    await manager.purchasing.pay({ payableId: r.payableId, amount: "100", method: "TRANSFER", reference: "TRF-1" });
    expect((await manager.purchasing.payable({ id: r.payableId })).payable.status).toBe("PAID");
  });

  it("'recalcular' sends the Inngest event, or computes right after the commit when Inngest is unreachable (no dev server in tests)", async () => {
    const t = await makeTenant();
    const manager = callerFor((await addMember(t.tenantId, "MANAGER")).userId, t.slug);
    await makeProduct(t.tenantId, { name: "Yerba", stockMin: "5", stockIdeal: "12" });
    expect((await manager.purchasing.suggestions()).run).toBeNull();
    const started = Date.now();
    expect(await manager.purchasing.requestRecompute()).toEqual({ queued: true });
    expect(Date.now() - started).toBeLessThan(10_000);
    const s = await manager.purchasing.suggestions();
    expect(s.rows.map((r) => [r.label, r.need])).toEqual([["Yerba", "12.000"]]);
    const viewer = callerFor((await addMember(t.tenantId, "VIEWER")).userId, t.slug);
    await expect(viewer.purchasing.requestRecompute()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
