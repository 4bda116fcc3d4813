import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { adminSql, makeTenant } from "@/test/factories";
import { lotsOf, makeProduct, makeWarehouse, movementsOf, stockOf } from "@/test/inventory";
import { cuitFor, makeSupplier } from "@/test/purchasing";
import { createPurchaseOrder, getPurchaseOrder, sendPurchaseOrder, cancelPurchaseOrder } from "./purchase-orders";
import { receiveGoods } from "./receive-goods";
import { createSupplier, deleteSupplier } from "./save-supplier";
import { listPayables, payablesAgeing, recordPayment, supplierStatement } from "./payables";
import { AppError } from "../errors/app-error";

const actor = { userId: null };

async function counts(tenantId: string) {
  return withTenant(tenantId, async (tx) => {
    const [r] = await tx.execute<{ receipts: number; lines: number; lots: number; movements: number; payables: number }>(sql`
      select (select count(*)::int from goods_receipts) as receipts, (select count(*)::int from goods_receipt_lines) as lines,
             (select count(*)::int from lots) as lots, (select count(*)::int from stock_movements) as movements,
             (select count(*)::int from payables) as payables`);
    return r!;
  });
}

async function sentOrder(tenantId: string, supplierId: string, lines: { productId: string; quantity: string; unitCost: string }[]) {
  return withTenant(tenantId, async (tx) => {
    const o = await createPurchaseOrder(tx, { supplierId, lines }, actor);
    await sendPurchaseOrder(tx, o.id, actor);
    return getPurchaseOrder(tx, o.id);
  });
}

describe("suppliers", () => {
  it("validates the CUIT check digit and keeps CUIT unique per tenant", async () => {
    const { tenantId } = await makeTenant();
    const good = cuitFor("30", "71234567");
    const bad = good.slice(0, 10) + String((Number(good[10]) + 1) % 10);
    await expect(withTenant(tenantId, (tx) => createSupplier(tx, { name: "Malo", cuit: bad }, actor))).rejects.toThrow(/dígito verificador/);
    await withTenant(tenantId, (tx) => createSupplier(tx, { name: "Bueno", cuit: `${good.slice(0, 2)}-${good.slice(2, 10)}-${good[10]}` }, actor));
    await expect(withTenant(tenantId, (tx) => createSupplier(tx, { name: "Otro", cuit: good }, actor))).rejects.toMatchObject({ code: "CONFLICT" });
    // Another tenant may register the same CUIT.
    const other = await makeTenant();
    await expect(withTenant(other.tenantId, (tx) => createSupplier(tx, { name: "Bueno", cuit: good }, actor))).resolves.toHaveProperty("id");
  });

  it("deletes a supplier without history; one with orders must be deactivated instead", async () => {
    const { tenantId } = await makeTenant();
    const unused = await makeSupplier(tenantId);
    const used = await makeSupplier(tenantId);
    const p = await makeProduct(tenantId);
    await withTenant(tenantId, (tx) => createPurchaseOrder(tx, { supplierId: used, lines: [{ productId: p, quantity: "1", unitCost: "1" }] }, actor));
    await withTenant(tenantId, (tx) => deleteSupplier(tx, unused, actor));
    await expect(withTenant(tenantId, (tx) => deleteSupplier(tx, used, actor))).rejects.toMatchObject({ code: "CONFLICT" });
    const [n] = await withTenant(tenantId, (tx) => tx.execute<{ n: number }>(sql`select count(*)::int as n from suppliers`));
    expect(n!.n).toBe(1);
  });
});

describe("purchase orders and goods receipts", () => {
  it("copies the supplier's name and CUIT onto the order when it is sent", async () => {
    const { tenantId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId, { name: "Distribuidora Norte" });
    const p = await makeProduct(tenantId);
    const order = await sentOrder(tenantId, supplierId, [{ productId: p, quantity: "5", unitCost: "100" }]);
    expect(order.status).toBe("SENT");
    await withTenant(tenantId, (tx) => tx.execute(sql`update suppliers set name = 'Renombrado SA' where id = ${supplierId}`));
    const after = await withTenant(tenantId, (tx) => getPurchaseOrder(tx, order.id));
    expect(after.supplierName).toBe("Distribuidora Norte");
    expect(after.snapshot).toBe(true);
    expect(after.total).toBe("500.00");
  });

  it("a receipt creates lots, IN movements and the payable (due = receipt + terms); a second submit is applied once", async () => {
    const { tenantId, warehouseId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId, { paymentTermsDays: 30 });
    const a = await makeProduct(tenantId, { hasExpiry: true });
    const b = await makeProduct(tenantId);
    const order = await sentOrder(tenantId, supplierId, [
      { productId: a, quantity: "10", unitCost: "150" },
      { productId: b, quantity: "4", unitCost: "99.5" },
    ]);
    const input = {
      idempotencyKey: randomUUID(),
      orderId: order.id,
      receivedOn: "2026-03-01",
      reference: "FC A 0001-00001234",
      lines: [
        { orderLineId: order.lines[0]!.id, productId: a, quantity: "10", unitCost: "155.25", lotNumber: "L-778", expiresAt: "2026-09-30" },
        { orderLineId: order.lines[1]!.id, productId: b, quantity: "4", unitCost: "99.5" },
      ],
    };
    const r = await withTenant(tenantId, (tx) => receiveGoods(tx, input, actor));
    expect(r.status).toBe("CREATED");
    expect(r.total).toBe("1950.50"); // 10 × 155.25 + 4 × 99.5
    expect(r.dueOn).toBe("2026-03-31");
    expect(r.orderStatus).toBe("RECEIVED");

    const lotsA = await lotsOf(tenantId, a, warehouseId);
    expect(lotsA).toHaveLength(1);
    expect(lotsA[0]).toMatchObject({ lot_number: "L-778", quantity: "10.000", unit_cost: "155.2500", expires_at: "2026-09-30" });
    const movs = await movementsOf(tenantId, a);
    expect(movs.map((m) => [m.type, m.quantity, m.lot_id])).toEqual([["IN", "10.000", lotsA[0]!.id]]);
    expect((await stockOf(tenantId, b, warehouseId)).level).toBe("4.000");

    const again = await withTenant(tenantId, (tx) => receiveGoods(tx, input, actor));
    expect(again).toMatchObject({ status: "DUPLICATE", receiptId: r.receiptId, payableId: r.payableId });
    expect(await counts(tenantId)).toEqual({ receipts: 1, lines: 2, lots: 2, movements: 2, payables: 1 });
    const admin = adminSql();
    const [src] = await admin`select count(*)::int as n from stock_movements where source_type = 'PURCHASE_RECEIPT' and source_id = ${r.receiptId}`;
    expect(src!.n).toBe(2);
    await admin.end();
  });

  it("concurrent double submits of the same receipt apply it once", async () => {
    const { tenantId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId);
    const p = await makeProduct(tenantId);
    const key = randomUUID();
    const submit = () =>
      withTenant(tenantId, (tx) => receiveGoods(tx, { idempotencyKey: key, supplierId, lines: [{ productId: p, quantity: "3", unitCost: "10" }] }, actor));
    const results = await Promise.all([submit(), submit(), submit()]);
    expect(results.filter((r) => r.status === "CREATED")).toHaveLength(1);
    expect(new Set(results.map((r) => r.receiptId)).size).toBe(1);
    expect(await counts(tenantId)).toMatchObject({ receipts: 1, lots: 1, movements: 1, payables: 1 });
  });

  it("a failure on the last line leaves nothing behind (no receipt, lots, movements, payable, order progress)", async () => {
    const { tenantId, warehouseId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId);
    const a = await makeProduct(tenantId);
    const b = await makeProduct(tenantId);
    const order = await sentOrder(tenantId, supplierId, [
      { productId: a, quantity: "10", unitCost: "1" },
      { productId: b, quantity: "10", unitCost: "1" },
    ]);
    // The last line's warehouse does not exist: receiveStock throws after the first line was stocked.
    const err = await withTenant(tenantId, (tx) =>
      receiveGoods(
        tx,
        {
          idempotencyKey: randomUUID(),
          orderId: order.id,
          lines: [
            { orderLineId: order.lines[0]!.id, productId: a, quantity: "10", unitCost: "1" },
            { orderLineId: order.lines[1]!.id, productId: b, quantity: "10", unitCost: "1", warehouseId: randomUUID() },
          ],
        },
        actor,
      ),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("NOT_FOUND");
    expect(await counts(tenantId)).toEqual({ receipts: 0, lines: 0, lots: 0, movements: 0, payables: 0 });
    expect((await stockOf(tenantId, a, warehouseId)).level).toBe("0.000");
    const o = await withTenant(tenantId, (tx) => getPurchaseOrder(tx, order.id));
    expect(o.status).toBe("SENT");
    expect(o.lines.map((l) => l.receivedQuantity)).toEqual(["0.000", "0.000"]);
  });

  it("partial receipts move the order to PARTIAL then RECEIVED; over-receipt needs confirmation", async () => {
    const { tenantId, warehouseId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId, { paymentTermsDays: 0 });
    const p = await makeProduct(tenantId);
    const w2 = await makeWarehouse(tenantId);
    const order = await sentOrder(tenantId, supplierId, [{ productId: p, quantity: "10", unitCost: "20" }]);
    const line = order.lines[0]!.id;
    const r1 = await withTenant(tenantId, (tx) =>
      receiveGoods(tx, { idempotencyKey: randomUUID(), orderId: order.id, receivedOn: "2026-05-10", lines: [{ orderLineId: line, productId: p, quantity: "4", unitCost: "20" }] }, actor),
    );
    expect(r1).toMatchObject({ orderStatus: "PARTIAL", total: "80.00", dueOn: "2026-05-10" });
    // 4 + 7 > 10: refused without confirmation, nothing changes.
    const over = { idempotencyKey: randomUUID(), orderId: order.id, lines: [{ orderLineId: line, productId: p, quantity: "7", unitCost: "21", warehouseId: w2 }] };
    const e = await withTenant(tenantId, (tx) => receiveGoods(tx, over, actor)).catch((x) => x);
    expect(e).toMatchObject({ code: "CONFLICT", details: { reason: "OVER_RECEIPT" } });
    expect((await counts(tenantId)).receipts).toBe(1);
    const r2 = await withTenant(tenantId, (tx) => receiveGoods(tx, { ...over, confirmOverReceipt: true }, actor));
    expect(r2.orderStatus).toBe("RECEIVED");
    expect((await stockOf(tenantId, p, warehouseId)).level).toBe("4.000");
    expect((await stockOf(tenantId, p, w2)).level).toBe("7.000");
    const o = await withTenant(tenantId, (tx) => getPurchaseOrder(tx, order.id));
    expect(o.lines[0]!.receivedQuantity).toBe("11.000");
    expect(o.receipts).toHaveLength(2);
    // A received order takes no more receipts and cannot be cancelled.
    await expect(
      withTenant(tenantId, (tx) => receiveGoods(tx, { idempotencyKey: randomUUID(), orderId: order.id, lines: [{ orderLineId: line, productId: p, quantity: "1", unitCost: "1" }] }, actor)),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    await expect(withTenant(tenantId, (tx) => cancelPurchaseOrder(tx, order.id, actor))).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("draft orders cannot be received", async () => {
    const { tenantId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId);
    const p = await makeProduct(tenantId);
    const o = await withTenant(tenantId, (tx) => createPurchaseOrder(tx, { supplierId, lines: [{ productId: p, quantity: "1", unitCost: "1" }] }, actor));
    const d = await withTenant(tenantId, (tx) => getPurchaseOrder(tx, o.id));
    await expect(
      withTenant(tenantId, (tx) =>
        receiveGoods(tx, { idempotencyKey: randomUUID(), orderId: o.id, lines: [{ orderLineId: d.lines[0]!.id, productId: p, quantity: "1", unitCost: "1" }] }, actor),
      ),
    ).rejects.toThrow(/borrador/);
  });
});

describe("payables", () => {
  it("partial payments lower the balance, never below zero; statement and ageing follow", async () => {
    const { tenantId } = await makeTenant();
    const supplierId = await makeSupplier(tenantId, { paymentTermsDays: 10 });
    const p = await makeProduct(tenantId);
    const r = await withTenant(tenantId, (tx) =>
      receiveGoods(tx, { idempotencyKey: randomUUID(), supplierId, receivedOn: "2026-01-05", reference: "R-1", lines: [{ productId: p, quantity: "10", unitCost: "100" }] }, actor),
    );
    const r2 = await withTenant(tenantId, (tx) =>
      receiveGoods(tx, { idempotencyKey: randomUUID(), supplierId, receivedOn: "2026-03-01", lines: [{ productId: p, quantity: "1", unitCost: "50" }] }, actor),
    );
    await withTenant(tenantId, (tx) => recordPayment(tx, { payableId: r.payableId, amount: "400", method: "TRANSFER", reference: "TRF 991", paidOn: "2026-01-10" }, actor));
    await expect(
      withTenant(tenantId, (tx) => recordPayment(tx, { payableId: r.payableId, amount: "600.01", method: "CASH" }, actor)),
    ).rejects.toMatchObject({ code: "VALIDATION" });

    const today = "2026-03-05";
    let list = await withTenant(tenantId, (tx) => listPayables(tx, { today }));
    const first = list.rows.find((x) => x.id === r.payableId)!;
    expect(first).toMatchObject({ balance: "600.00", status: "OVERDUE", dueOn: "2026-01-15" });
    expect(list.rows.find((x) => x.id === r2.payableId)).toMatchObject({ status: "DUE_SOON", dueOn: "2026-03-11", daysToDue: 6 });

    const ageing = await withTenant(tenantId, (tx) => payablesAgeing(tx, today));
    expect(ageing.rows[0]).toMatchObject({ days31To60: "600.00", notDue: "50.00", total: "650.00" });

    await withTenant(tenantId, (tx) => recordPayment(tx, { payableId: r.payableId, amount: "600", method: "CHECK" }, actor));
    list = await withTenant(tenantId, (tx) => listPayables(tx, { today }));
    expect(list.rows.find((x) => x.id === r.payableId)).toMatchObject({ balance: "0.00", status: "PAID" });
    await expect(withTenant(tenantId, (tx) => recordPayment(tx, { payableId: r.payableId, amount: "1", method: "CASH" }, actor))).rejects.toMatchObject({
      code: "INVALID_STATE",
    });

    const st = await withTenant(tenantId, (tx) => supplierStatement(tx, supplierId));
    expect(st.lines.map((l) => [l.kind, l.debit, l.credit, l.balance])).toEqual([
      ["PAYABLE", "1000.00", "0.00", "1000.00"],
      ["PAYMENT", "0.00", "400.00", "600.00"],
      ["PAYABLE", "50.00", "0.00", "650.00"],
      ["PAYMENT", "0.00", "600.00", "50.00"],
    ]);
    expect(st.closing).toBe("50.00");
    const ranged = await withTenant(tenantId, (tx) => supplierStatement(tx, supplierId, { from: "2026-02-01" }));
    expect(ranged.opening).toBe("600.00");
  });
});
