import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callerFor } from "@/test/caller";
import { addMember, makeTenant } from "@/test/factories";
import { makeProduct } from "@/test/inventory";
import { randomCuit } from "@/test/purchasing";
import { withTenant } from "@/server/db/with-tenant";
import { setSupplierPrice } from "@/server/purchasing/price-list";

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
    // The order form's catalog prices products at this supplier's last price.
    const { id: other } = await manager.purchasing.createSupplier({ name: "Proveedor Dos", cuit: randomCuit() });
    await withTenant(t.tenantId, (tx) => setSupplierPrice(tx, { supplierId, productId: p, packCost: "540", unitsPerPack: "12" }));
    const priced = (await manager.purchasing.catalog({ supplierId })).products.find((x) => x.id === p)!;
    expect(priced.lastCost).toBe("45.0000");
    expect((await manager.purchasing.catalog({ supplierId: other })).products.find((x) => x.id === p)!.lastCost).toBe("50.0000"); // falls back to the lot

    expect(await viewer.purchasing.suppliers()).toHaveLength(2);
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

  it("another business's supplier, order, payable and suggestion ids are not found from this one, and nothing of theirs changes", async () => {
    const a = await makeTenant("A");
    const b = await makeTenant("B");
    const asA = callerFor(a.ownerId, a.slug);
    const asB = callerFor(b.ownerId, b.slug);
    const { id: supplierB } = await asB.purchasing.createSupplier({ name: "Proveedor B", cuit: randomCuit(), paymentTermsDays: 10 });
    const pB = await makeProduct(b.tenantId, { stockMin: "5", stockIdeal: "10" });
    const orderB = await asB.purchasing.createOrder({ supplierId: supplierB, lines: [{ productId: pB, quantity: "3", unitCost: "10" }] });
    await asB.purchasing.sendOrder({ id: orderB.id });
    const lineB = (await asB.purchasing.order({ id: orderB.id })).lines[0]!.id;
    const rB = await asB.purchasing.receive({ idempotencyKey: randomUUID(), orderId: orderB.id, lines: [{ orderLineId: lineB, productId: pB, quantity: "1", unitCost: "10" }] });
    await asB.purchasing.recompute();
    const suggestionB = (await asB.purchasing.suggestions()).rows[0]!.id;

    await expect(asA.purchasing.supplier({ id: supplierB })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asA.purchasing.updateSupplier({ id: supplierB, data: { name: "Robado", cuit: randomCuit() } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asA.purchasing.order({ id: orderB.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asA.purchasing.cancelOrder({ id: orderB.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      asA.purchasing.receive({ idempotencyKey: randomUUID(), orderId: orderB.id, lines: [{ orderLineId: lineB, productId: pB, quantity: "1", unitCost: "1" }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asA.purchasing.pay({ payableId: rB.payableId, amount: "1", method: "CASH" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(asA.purchasing.createOrder({ supplierId: supplierB, lines: [{ productId: pB, quantity: "1", unitCost: "1" }] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      asA.purchasing.convertSuggestions({ items: [{ suggestionId: suggestionB, productId: pB, quantity: "1", supplierId: supplierB }] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await asA.purchasing.suppliers()).toEqual([]);
    expect((await asA.purchasing.payables()).rows).toEqual([]);
    // B is intact.
    expect((await asB.purchasing.order({ id: orderB.id })).status).toBe("PARTIAL");
    expect((await asB.purchasing.payable({ id: rB.payableId })).payable.balance).toBe("10.00");
    expect((await asB.purchasing.supplier({ id: supplierB })).name).toBe("Proveedor B");
  });
});
