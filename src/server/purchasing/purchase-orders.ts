import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { purchaseOrderLines, purchaseOrders, type PurchaseOrderStatus } from "../db/schema/purchasing";
import { AppError } from "../errors/app-error";
import { dec, money, ZERO } from "@/lib/decimal";
import { isoTs, TENANT, type Actor, pgArray } from "./common";
import { ZPurchaseOrderInput, type TPurchaseOrderInput } from "./purchase-order-input";

// Purchase order lifecycle: DRAFT → SENT → PARTIAL → RECEIVED | CANCELLED.
// Receiving lives in receive-goods.ts.

type OrderHead = { id: string; status: PurchaseOrderStatus; supplier_id: string; number: number };

export const ZGetPurchaseOrderResponse = z.object({
  id: z.uuid(),
  number: z.number(),
  status: z.enum(["DRAFT", "SENT", "PARTIAL", "RECEIVED", "CANCELLED"]),
  supplierId: z.uuid(),
  supplierName: z.string(),
  supplierCuit: z.string(),
  snapshot: z.boolean(),
  supplierContactName: z.string().nullable(),
  supplierPhone: z.string().nullable(),
  supplierEmail: z.string().nullable(),
  paymentTermsDays: z.number(),
  warehouseId: z.uuid(),
  notes: z.string().nullable(),
  expectedAt: z.string().nullable(),
  total: z.string(),
  sentAt: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.uuid(),
      productId: z.uuid(),
      productName: z.string(),
      sku: z.string(),
      unit: z.string(),
      hasExpiry: z.boolean(),
      quantity: z.string(),
      unitCost: z.string(),
      receivedQuantity: z.string(),
      pending: z.string(),
    }),
  ),
  receipts: z.array(z.object({ id: z.uuid(), receivedOn: z.string(), reference: z.string().nullable(), total: z.string() })),
});
export type TGetPurchaseOrderResponse = z.infer<typeof ZGetPurchaseOrderResponse>;

export const ZCreatePurchaseOrderResponse = z.object({ id: z.uuid(), number: z.number() });
export type TCreatePurchaseOrderResponse = z.infer<typeof ZCreatePurchaseOrderResponse>;

/** Locks the order row; NOT_FOUND if it is not this tenant's. */
export async function lockOrder(tx: Tx, orderId: string): Promise<OrderHead> {
  const [row] = await tx.execute<OrderHead>(sql`
    select id, status, supplier_id, number from purchase_orders where tenant_id = ${TENANT} and id = ${orderId} for update`);
  if (!row) throw new AppError("NOT_FOUND", "La orden de compra no existe.", { orderId });
  return row;
}

async function defaultWarehouse(tx: Tx): Promise<string> {
  const [w] = await tx.execute<{ id: string }>(sql`select id from warehouses where is_default order by created_at limit 1`);
  if (!w) throw new AppError("INVALID_STATE", "El negocio no tiene depósito.");
  return w.id;
}

async function assertSupplier(tx: Tx, supplierId: string) {
  const [s] = await tx.execute<{ active: boolean }>(sql`select active from suppliers where id = ${supplierId}`);
  if (!s) throw new AppError("NOT_FOUND", "El proveedor no existe.", { field: "supplierId" });
  if (!s.active) throw new AppError("INVALID_STATE", "El proveedor está inactivo.", { field: "supplierId" });
}

async function writeLines(tx: Tx, orderId: string, lines: { productId: string; quantity: string; unitCost: string }[]) {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const found = await tx.execute<{ id: string; is_service: boolean; name: string }>(
    sql`select id, is_service, name from products where id = any(${pgArray(ids, "uuid")})`,
  );
  if (found.length !== ids.length) throw new AppError("VALIDATION", "Uno de los productos no existe.", { field: "lines" });
  const service = found.find((p) => p.is_service);
  if (service) throw new AppError("VALIDATION", `«${service.name}» es un servicio y no se compra como stock.`, { field: "lines" });
  await tx.insert(purchaseOrderLines).values(
    lines.map((l, i) => ({ orderId, position: i + 1, productId: l.productId, quantity: l.quantity, unitCost: l.unitCost })),
  );
  const total = lines.reduce((a, l) => a.plus(dec(l.quantity).times(l.unitCost)), ZERO);
  await tx.execute(sql`update purchase_orders set total = ${money(total)}, updated_at = now() where id = ${orderId}`);
}

export async function createPurchaseOrder(tx: Tx, raw: TPurchaseOrderInput, actor: Actor): Promise<{ id: string; number: number }> {
  const v = ZPurchaseOrderInput.parse(raw);
  await assertSupplier(tx, v.supplierId);
  const warehouseId = v.warehouseId ?? (await defaultWarehouse(tx));
  // Numbers are consecutive per tenant: serialize number assignment within the tenant.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('purchase_order_number:' || ${TENANT}::text, 0))`);
  const [{ next } = { next: 1 }] = await tx.execute<{ next: number }>(
    sql`select coalesce(max(number), 0) + 1 as next from purchase_orders where tenant_id = ${TENANT}`,
  );
  const [row] = await tx
    .insert(purchaseOrders)
    .values({
      number: Number(next),
      supplierId: v.supplierId,
      warehouseId,
      expectedAt: v.expectedAt ?? null,
      notes: v.notes ?? null,
      createdBy: actor.userId,
    })
    .returning({ id: purchaseOrders.id, number: purchaseOrders.number });
  await writeLines(tx, row!.id, v.lines);
  return row!;
}

/** Replaces supplier, notes and lines of a DRAFT order. */
export async function updatePurchaseOrder(tx: Tx, orderId: string, raw: TPurchaseOrderInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZPurchaseOrderInput.parse(raw);
  const order = await lockOrder(tx, orderId);
  if (order.status !== "DRAFT") throw new AppError("INVALID_STATE", "Solo se puede editar una orden en borrador.");
  await assertSupplier(tx, v.supplierId);
  await tx.execute(sql`
    update purchase_orders set supplier_id = ${v.supplierId}, warehouse_id = coalesce(${v.warehouseId ?? null}::uuid, warehouse_id),
      expected_at = ${v.expectedAt ?? null}, notes = ${v.notes ?? null}, updated_at = now()
    where id = ${orderId}`);
  await tx.execute(sql`delete from purchase_order_lines where order_id = ${orderId}`);
  await writeLines(tx, orderId, v.lines);
  return { id: orderId };
}

/** DRAFT → SENT, copying the supplier's name and CUIT onto the order. */
export async function sendPurchaseOrder(tx: Tx, orderId: string, _actor: Actor): Promise<{ id: string }> {
  const order = await lockOrder(tx, orderId);
  if (order.status !== "DRAFT") throw new AppError("INVALID_STATE", "La orden ya fue enviada.");
  await tx.execute(sql`
    update purchase_orders o set status = 'SENT', sent_at = now(), updated_at = now(), supplier_name = s.name, supplier_cuit = s.cuit
    from suppliers s where s.tenant_id = o.tenant_id and s.id = o.supplier_id and o.id = ${orderId}`);
  return { id: orderId };
}

/** DRAFT/SENT/PARTIAL → CANCELLED (a partial order cancels what is still pending). */
export async function cancelPurchaseOrder(tx: Tx, orderId: string, _actor: Actor): Promise<{ id: string }> {
  const order = await lockOrder(tx, orderId);
  if (order.status === "RECEIVED" || order.status === "CANCELLED")
    throw new AppError("INVALID_STATE", order.status === "RECEIVED" ? "La orden ya fue recibida." : "La orden ya está cancelada.");
  await tx.execute(sql`update purchase_orders set status = 'CANCELLED', closed_at = now(), updated_at = now() where id = ${orderId}`);
  return { id: orderId };
}

export const ZListPurchaseOrdersResponse = z.array(
  z.object({
    id: z.uuid(),
    number: z.number().int(),
    status: z.enum(["DRAFT", "SENT", "PARTIAL", "RECEIVED", "CANCELLED"]),
    supplierId: z.uuid(),
    supplierName: z.string(),
    total: z.string(),
    /** ISO timestamps (UTC) and a plain date. */
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    expectedAt: z.string().nullable(),
    lines: z.number().int(),
  }),
);
export type OrderListRow = z.infer<typeof ZListPurchaseOrdersResponse>[number];

export async function listPurchaseOrders(tx: Tx, opts: { status?: PurchaseOrderStatus; supplierId?: string } = {}): Promise<OrderListRow[]> {
  return tx.execute<OrderListRow>(sql`
    select o.id, o.number, o.status, o.supplier_id as "supplierId", coalesce(o.supplier_name, s.name) as "supplierName", o.total,
           ${isoTs(sql`o.created_at`)} as "createdAt", ${isoTs(sql`o.sent_at`)} as "sentAt", o.expected_at::text as "expectedAt",
           (select count(*)::int from purchase_order_lines l where l.order_id = o.id) as lines
    from purchase_orders o join suppliers s on s.tenant_id = o.tenant_id and s.id = o.supplier_id
    where true ${opts.status ? sql`and o.status = ${opts.status}` : sql``} ${opts.supplierId ? sql`and o.supplier_id = ${opts.supplierId}` : sql``}
    order by o.number desc limit 500`);
}

export type OrderDetail = {
  id: string;
  number: number;
  status: PurchaseOrderStatus;
  supplierId: string;
  supplierName: string;
  supplierCuit: string;
  snapshot: boolean;
  /** The supplier's current contact, for sending the order (WhatsApp, e-mail). */
  supplierContactName: string | null;
  supplierPhone: string | null;
  supplierEmail: string | null;
  paymentTermsDays: number;
  warehouseId: string;
  notes: string | null;
  expectedAt: string | null;
  total: string;
  sentAt: string | null;
  lines: {
    id: string;
    productId: string;
    productName: string;
    sku: string;
    unit: string;
    hasExpiry: boolean;
    quantity: string;
    unitCost: string;
    receivedQuantity: string;
    pending: string;
  }[];
  receipts: { id: string; receivedOn: string; reference: string | null; total: string }[];
};

export async function getPurchaseOrder(tx: Tx, orderId: string): Promise<OrderDetail> {
  const [o] = await tx.execute<{
    id: string;
    number: number;
    status: PurchaseOrderStatus;
    supplier_id: string;
    supplier_name: string | null;
    supplier_cuit: string | null;
    current_name: string;
    current_cuit: string;
    contact_name: string | null;
    phone: string | null;
    email: string | null;
    payment_terms_days: number;
    warehouse_id: string;
    notes: string | null;
    expected_at: string | null;
    total: string;
    sent_at: string | null;
  }>(sql`
    select o.id, o.number, o.status, o.supplier_id, o.supplier_name, o.supplier_cuit, s.name as current_name, s.cuit as current_cuit,
           s.contact_name, s.phone, s.email, s.payment_terms_days, o.warehouse_id, o.notes, o.expected_at::text, o.total, ${isoTs(sql`o.sent_at`)} as sent_at
    from purchase_orders o join suppliers s on s.tenant_id = o.tenant_id and s.id = o.supplier_id where o.id = ${orderId}`);
  if (!o) throw new AppError("NOT_FOUND", "La orden de compra no existe.", { orderId });
  const lines = await tx.execute<{
    id: string;
    product_id: string;
    name: string;
    sku: string;
    unit: string;
    has_expiry: boolean;
    quantity: string;
    unit_cost: string;
    received_quantity: string;
    pending: string;
  }>(sql`
    select l.id, l.product_id, p.name, p.sku, p.unit, p.has_expiry, l.quantity, l.unit_cost, l.received_quantity,
           greatest(l.quantity - l.received_quantity, 0)::numeric(14,3)::text as pending
    from purchase_order_lines l join products p on p.tenant_id = l.tenant_id and p.id = l.product_id
    where l.order_id = ${orderId} order by l.position`);
  const receipts = await tx.execute<{ id: string; received_on: string; reference: string | null; total: string }>(sql`
    select id, received_on::text, reference, total from goods_receipts where order_id = ${orderId} order by created_at`);
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    supplierId: o.supplier_id,
    supplierName: o.supplier_name ?? o.current_name,
    supplierCuit: o.supplier_cuit ?? o.current_cuit,
    snapshot: o.supplier_name !== null,
    supplierContactName: o.contact_name,
    supplierPhone: o.phone,
    supplierEmail: o.email,
    paymentTermsDays: o.payment_terms_days,
    warehouseId: o.warehouse_id,
    notes: o.notes,
    expectedAt: o.expected_at,
    total: o.total,
    sentAt: o.sent_at,
    lines: lines.map((l) => ({
      id: l.id,
      productId: l.product_id,
      productName: l.name,
      sku: l.sku,
      unit: l.unit,
      hasExpiry: l.has_expiry,
      quantity: l.quantity,
      unitCost: l.unit_cost,
      receivedQuantity: l.received_quantity,
      pending: l.pending,
    })),
    receipts: receipts.map((r) => ({ id: r.id, receivedOn: r.received_on, reference: r.reference, total: r.total })),
  };
}
