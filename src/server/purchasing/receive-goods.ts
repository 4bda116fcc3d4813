import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { goodsReceiptLines, payables } from "../db/schema/purchasing";
import { AppError } from "../errors/app-error";
import { receiveStock } from "../inventory/receive-stock";
import { dec, money, qty, ZERO } from "@/lib/decimal";
import { TENANT, tenantToday, type Actor } from "./common";
import { lockOrder } from "./purchase-orders";
import { scanPayableAlerts } from "./scan-alerts";
import { ZReceiveGoodsInput, type TReceiveGoodsInput } from "./receive-goods-input";
import { recordSupplierInvoice } from "../accounting/record-supplier-invoice";

export type ReceiveGoodsResult = {
  receiptId: string;
  payableId: string;
  total: string;
  dueOn: string;
  orderStatus: string | null;
  status: "CREATED" | "DUPLICATE";
};

export const ZReceiveGoodsResponse = z.object({
  receiptId: z.uuid(),
  payableId: z.uuid(),
  total: z.string(),
  dueOn: z.string(),
  orderStatus: z.string().nullable(),
  status: z.enum(["CREATED", "DUPLICATE"]),
});
export type TReceiveGoodsResponse = z.infer<typeof ZReceiveGoodsResponse>;

/**
 * Goods receipt (full or partial, with or without an order): every line becomes a lot and
 * an IN movement through the inventory service, the order lines advance, and one account
 * payable (due = receipt date + supplier terms) is created — all in the caller's
 * transaction, so a failure on any line leaves nothing behind. The idempotency key makes a
 * second submit return the first receipt.
 */
export async function receiveGoods(tx: Tx, raw: TReceiveGoodsInput, actor: Actor): Promise<ReceiveGoodsResult> {
  const v = ZReceiveGoodsInput.parse(raw);
  const existing = await findByKey(tx, v.idempotencyKey);
  if (existing) return existing;

  const { supplierId, orderLines, orderWarehouse } = await orderOf(tx, v);
  const [supplier] = await tx.execute<{ id: string; name: string; payment_terms_days: number }>(
    sql`select id, name, payment_terms_days from suppliers where id = ${supplierId}`,
  );
  if (!supplier) throw new AppError("NOT_FOUND", "El proveedor no existe.", { field: "supplierId" });

  const incoming = checkOverReceipt(v, orderLines);

  const receivedOn = v.receivedOn ?? (await tenantToday(tx));
  const total = v.lines.reduce((a, l) => a.plus(dec(l.quantity).times(l.unitCost)), ZERO);
  // The unique key decides a concurrent double submit: the loser waits, then sees the winner's row.
  const [receipt] = await tx.execute<{ id: string }>(sql`
    insert into goods_receipts (tenant_id, idempotency_key, order_id, supplier_id, received_on, reference, total, created_by)
    values (${TENANT}, ${v.idempotencyKey}, ${v.orderId ?? null}, ${supplierId}, ${receivedOn}, ${v.reference ?? null}, ${money(total)}, ${actor.userId})
    on conflict (tenant_id, idempotency_key) do nothing
    returning id`);
  if (!receipt) return (await findByKey(tx, v.idempotencyKey))!;

  await receiveLines(tx, v, { receiptId: receipt.id, warehouseId: orderWarehouse, reference: v.reference ?? supplier.name }, actor);

  await rememberSupplierPrices(tx, supplierId, v.lines);

  const orderStatus = v.orderId ? await advanceOrder(tx, v.orderId, incoming) : null;

  // With the supplier's invoice the debt is what the invoice says (IVA and percepciones included).
  const payableAmount = v.supplierInvoice ? money(v.supplierInvoice.total) : money(total);
  const [payable] = await tx
    .insert(payables)
    .values({
      supplierId,
      receiptId: receipt.id,
      reference: v.reference ?? null,
      amount: payableAmount,
      balance: payableAmount,
      issuedOn: receivedOn,
      dueOn: sql`${receivedOn}::date + ${supplier.payment_terms_days}::int`,
    })
    .returning({ id: payables.id, dueOn: payables.dueOn });
  if (v.supplierInvoice) {
    await recordSupplierInvoice(tx, v.supplierInvoice, { supplierId, receiptId: receipt.id, payableId: payable!.id }, actor);
  }
  // Short terms: a payable already due within the week alerts now, not at tomorrow's scan
  // (same dedupe key as the daily cron, so it is never notified twice).
  await scanPayableAlerts(tx, await tenantToday(tx), payable!.id);
  return { receiptId: receipt.id, payableId: payable!.id, total: money(total), dueOn: payable!.dueOn, orderStatus, status: "CREATED" };
}

async function findByKey(tx: Tx, key: string): Promise<ReceiveGoodsResult | null> {
  const [r] = await tx.execute<{ id: string; total: string; payable_id: string; due_on: string; order_status: string | null }>(sql`
    select r.id, r.total, p.id as payable_id, p.due_on::text as due_on, o.status as order_status
    from goods_receipts r
    join payables p on p.tenant_id = r.tenant_id and p.receipt_id = r.id
    left join purchase_orders o on o.tenant_id = r.tenant_id and o.id = r.order_id
    where r.idempotency_key = ${key}`);
  return r ? { receiptId: r.id, payableId: r.payable_id, total: r.total, dueOn: r.due_on, orderStatus: r.order_status, status: "DUPLICATE" } : null;
}

type Input = z.output<typeof ZReceiveGoodsInput>;
type OrderLine = { productId: string; quantity: string; received: string; name: string };

/** The supplier, and with an order its lines (locked) and warehouse; an order must be sent and not yet fully received. */
async function orderOf(tx: Tx, v: Input): Promise<{ supplierId: string; orderLines: Map<string, OrderLine>; orderWarehouse: string | null }> {
  let supplierId = v.supplierId ?? null;
  let orderLines = new Map<string, OrderLine>();
  let orderWarehouse: string | null = null;
  if (v.orderId) {
    const order = await lockOrder(tx, v.orderId);
    if (order.status !== "SENT" && order.status !== "PARTIAL") {
      const why = { DRAFT: "todavía está en borrador: enviala primero", RECEIVED: "ya fue recibida completa", CANCELLED: "está cancelada" } as const;
      throw new AppError("INVALID_STATE", `La orden ${why[order.status as keyof typeof why] ?? "no admite recepciones"}.`, { orderId: v.orderId });
    }
    if (supplierId && supplierId !== order.supplier_id) throw new AppError("VALIDATION", "El proveedor no coincide con el de la orden.");
    supplierId = order.supplier_id;
    const rows = await tx.execute<{ id: string; product_id: string; quantity: string; received_quantity: string; name: string; warehouse_id: string }>(sql`
      select l.id, l.product_id, l.quantity, l.received_quantity, p.name, o.warehouse_id
      from purchase_order_lines l
      join products p on p.tenant_id = l.tenant_id and p.id = l.product_id
      join purchase_orders o on o.tenant_id = l.tenant_id and o.id = l.order_id
      where l.order_id = ${v.orderId} for update of l`);
    orderLines = new Map(
      rows.map((r) => [r.id, { productId: r.product_id, quantity: r.quantity, received: r.received_quantity, name: r.name }]),
    );
    orderWarehouse = rows[0]?.warehouse_id ?? null;
  }
  if (!supplierId) throw new AppError("VALIDATION", "Elegí el proveedor.", { field: "supplierId" });
  return { supplierId, orderLines, orderWarehouse };
}

/**
 * Each line must belong to the order and its product; per order line, everything received so
 * far plus this receipt may exceed what was ordered only when the person confirms it.
 * Returns the quantity this receipt adds per order line.
 */
function checkOverReceipt(v: Input, orderLines: Map<string, OrderLine>) {
  const incoming = new Map<string, ReturnType<typeof dec>>();
  for (const l of v.lines) {
    if (!l.orderLineId) {
      if (v.orderId) throw new AppError("VALIDATION", "Cada línea debe corresponder a una línea de la orden.");
      continue;
    }
    const ol = orderLines.get(l.orderLineId);
    if (!ol) throw new AppError("VALIDATION", "Una línea no pertenece a la orden.", { orderLineId: l.orderLineId });
    if (ol.productId !== l.productId) throw new AppError("VALIDATION", `La línea de «${ol.name}» no coincide con el producto.`);
    incoming.set(l.orderLineId, (incoming.get(l.orderLineId) ?? ZERO).plus(l.quantity));
  }
  const over = [...incoming]
    .map(([id, q]) => ({ id, ...orderLines.get(id)!, after: dec(orderLines.get(id)!.received).plus(q) }))
    .filter((x) => x.after.gt(x.quantity));
  if (over.length && !v.confirmOverReceipt) {
    throw new AppError(
      "CONFLICT",
      `Estás recibiendo más de lo pedido: ${over.map((o) => `«${o.name}» ${qty(o.after)} de ${qty(o.quantity)}`).join(", ")}. Confirmá para continuar.`,
      { reason: "OVER_RECEIPT", lines: over.map((o) => ({ orderLineId: o.id, ordered: o.quantity, afterReceipt: o.after.toFixed(3) })) },
    );
  }
  return incoming;
}

/** Every line becomes a lot and an IN movement (through the inventory service) and a receipt line. */
async function receiveLines(tx: Tx, v: Input, to: { receiptId: string; warehouseId: string | null; reference: string }, actor: Actor) {
  let defaultWarehouse = to.warehouseId;
  if (!defaultWarehouse) {
    const [w] = await tx.execute<{ id: string }>(sql`select id from warehouses where is_default order by created_at limit 1`);
    defaultWarehouse = w?.id ?? null;
  }
  const lineRows: Omit<typeof goodsReceiptLines.$inferInsert, "tenantId">[] = [];
  for (const l of v.lines) {
    const warehouseId = l.warehouseId ?? defaultWarehouse!;
    const { lotId } = await receiveStock(
      tx,
      {
        productId: l.productId,
        warehouseId,
        quantity: l.quantity,
        unitCost: l.unitCost,
        lotNumber: l.lotNumber,
        expiresAt: l.expiresAt ?? null,
        movementType: "IN",
        sourceType: "PURCHASE_RECEIPT",
        sourceId: to.receiptId,
        reference: to.reference,
      },
      actor,
    );
    lineRows.push({
      receiptId: to.receiptId,
      orderLineId: l.orderLineId ?? null,
      productId: l.productId,
      warehouseId,
      quantity: l.quantity,
      unitCost: l.unitCost,
      lotNumber: l.lotNumber ?? null,
      expiresAt: l.expiresAt ?? null,
      lotId,
    });
  }
  await tx.insert(goodsReceiptLines).values(lineRows.map((r) => ({ ...r })));
}

/** The supplier's latest price per product (replenishment's "last cost and supplier"). */
async function rememberSupplierPrices(tx: Tx, supplierId: string, lines: Input["lines"]) {
  const values = sql.join(
    lines.map((l) => sql`(${l.productId}::uuid, ${l.unitCost}::numeric)`),
    sql`, `,
  );
  await tx.execute(sql`
    insert into supplier_products (tenant_id, supplier_id, product_id, pack_cost, units_per_pack, updated_at)
    select ${TENANT}, ${supplierId}::uuid, v.product_id, v.unit_cost, 1, now()
    from (select distinct on (product_id) product_id, unit_cost from (values ${values}) as x(product_id, unit_cost)) v
    where v.unit_cost > 0
    on conflict (tenant_id, supplier_id, product_id) do update
      set pack_cost = excluded.pack_cost * supplier_products.units_per_pack, updated_at = now()`);
}

/** Adds this receipt to the order's lines; the order becomes RECEIVED when every line is complete, else PARTIAL. */
async function advanceOrder(tx: Tx, orderId: string, incoming: Map<string, ReturnType<typeof dec>>): Promise<string> {
  const deltas = sql.join(
    [...incoming].map(([id, q]) => sql`(${id}::uuid, ${q.toFixed(3)}::numeric)`),
    sql`, `,
  );
  if (incoming.size) {
    await tx.execute(sql`
      update purchase_order_lines l set received_quantity = l.received_quantity + d.q
      from (values ${deltas}) as d(id, q) where l.tenant_id = ${TENANT} and l.id = d.id`);
  }
  const [st] = await tx.execute<{ status: string }>(sql`
    update purchase_orders o set
      status = case when not exists (select 1 from purchase_order_lines l where l.order_id = o.id and l.received_quantity < l.quantity)
                    then 'RECEIVED'::purchase_order_status else 'PARTIAL'::purchase_order_status end,
      closed_at = case when not exists (select 1 from purchase_order_lines l where l.order_id = o.id and l.received_quantity < l.quantity)
                    then now() else null end,
      updated_at = now()
    where o.id = ${orderId} returning status`);
  return st!.status;
}
