import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import type { PresentationOption } from "../db/schema/purchasing";
import { AppError } from "../errors/app-error";
import { isoTs, tenantToday, type Actor, pgArray } from "./common";
import { createPurchaseOrder } from "./purchase-orders";
import { zCost, zQuantity } from "@/lib/schemas/decimal";

export type SuggestionRow = {
  id: string;
  familyId: string | null;
  productId: string | null;
  productName: string | null;
  label: string;
  summary: string;
  unit: string;
  stock: string;
  target: string;
  onOrder: string;
  need: string;
  quantity: string;
  unitCost: string | null;
  supplierId: string | null;
  options: PresentationOption[];
  status: "PENDING" | "ORDERED" | "DISMISSED";
  orderId: string | null;
  orderNumber: number | null;
};

/** The latest run's suggestions (today's or the most recent one). */
export async function listSuggestions(tx: Tx): Promise<{ run: { id: string; runOn: string; computedAt: string } | null; rows: SuggestionRow[] }> {
  const [run] = await tx.execute<{ id: string; run_on: string; computed_at: string }>(sql`
    select id, run_on::text as run_on, ${isoTs(sql`computed_at`)} as computed_at from replenishment_runs order by run_on desc limit 1`);
  if (!run) return { run: null, rows: [] };
  const rows = await tx.execute<SuggestionRow>(sql`
    select s.id, s.family_id as "familyId", s.product_id as "productId", p.name as "productName", s.label, s.summary, s.unit, s.stock, s.target,
           s.on_order as "onOrder", s.need, s.quantity, s.unit_cost as "unitCost", s.supplier_id as "supplierId", s.options, s.status,
           s.order_id as "orderId", o.number as "orderNumber"
    from replenishment_suggestions s
    left join products p on p.tenant_id = s.tenant_id and p.id = s.product_id
    left join purchase_orders o on o.tenant_id = s.tenant_id and o.id = s.order_id
    where s.run_id = ${run.id}
    order by (s.status <> 'PENDING'), s.label`);
  return { run: { id: run.id, runOn: run.run_on, computedAt: run.computed_at }, rows };
}

export const ZConvertSuggestionsInput = z.object({
  items: z
    .array(
      z.object({
        suggestionId: z.string().uuid(),
        productId: z.string().uuid("Elegí la presentación"),
        quantity: zQuantity("Cantidad", { positive: "La cantidad debe ser mayor que cero" }),
        supplierId: z.string().uuid("Elegí el proveedor"),
        unitCost: zCost("Costo", { emptyAsZero: true }).optional(),
      }),
    )
    .min(1, "Elegí al menos una sugerencia")
    .max(500, "Como máximo 500 sugerencias por vez"),
});
export type TConvertSuggestionsInput = z.input<typeof ZConvertSuggestionsInput>;

/**
 * Turns the selected suggestions (with the manager's edits) into DRAFT purchase orders,
 * one per supplier, in one transaction; the suggestions become ORDERED.
 */
export async function convertSuggestions(tx: Tx, raw: TConvertSuggestionsInput, actor: Actor): Promise<{ orders: { id: string; number: number; supplierId: string }[] }> {
  const v = ZConvertSuggestionsInput.parse(raw);
  const ids = v.items.map((i) => i.suggestionId);
  const found = await tx.execute<{ id: string; status: string; family_id: string | null; product_id: string | null; options: PresentationOption[]; unit_cost: string | null; label: string }>(sql`
    select id, status, family_id, product_id, options, unit_cost, label from replenishment_suggestions where id = any(${pgArray(ids, "uuid")}) for update`);
  const byId = new Map(found.map((s) => [s.id, s]));
  for (const item of v.items) {
    const s = byId.get(item.suggestionId);
    if (!s) throw new AppError("NOT_FOUND", "Una sugerencia ya no existe. Recalculá las sugerencias.");
    if (s.status !== "PENDING") throw new AppError("INVALID_STATE", `«${s.label}» ya fue convertida en orden.`);
    if (s.family_id && !s.options.some((o) => o.productId === item.productId))
      throw new AppError("VALIDATION", `La presentación elegida no pertenece a «${s.label}».`);
    if (!s.family_id && s.product_id !== item.productId) throw new AppError("VALIDATION", `El producto no coincide con «${s.label}».`);
  }
  const bySupplier = new Map<string, typeof v.items>();
  for (const item of v.items) bySupplier.set(item.supplierId, [...(bySupplier.get(item.supplierId) ?? []), item]);

  // Last known cost per chosen product when the client did not send one.
  const productIds = [...new Set(v.items.map((i) => i.productId))];
  const costs = new Map(
    (
      await tx.execute<{ product_id: string; unit_cost: string }>(sql`
        select distinct on (product_id) product_id, unit_cost from lots
        where product_id = any(${pgArray(productIds, "uuid")}) and not is_deficit order by product_id, received_at desc`)
    ).map((r) => [r.product_id, r.unit_cost]),
  );
  const optionCost = (item: (typeof v.items)[number]) => {
    const s = byId.get(item.suggestionId)!;
    return s.family_id ? (s.options.find((o) => o.productId === item.productId)?.lastUnitCost ?? null) : s.unit_cost;
  };

  const orders: { id: string; number: number; supplierId: string }[] = [];
  const today = await tenantToday(tx);
  for (const [supplierId, items] of [...bySupplier].sort(([a], [b]) => a.localeCompare(b))) {
    const order = await createPurchaseOrder(
      tx,
      {
        supplierId,
        notes: `Generada desde sugerencias de reposición del ${today.split("-").reverse().join("/")}`,
        lines: items.map((i) => ({ productId: i.productId, quantity: i.quantity, unitCost: i.unitCost ?? optionCost(i) ?? costs.get(i.productId) ?? "0" })),
      },
      actor,
    );
    orders.push({ ...order, supplierId });
    const sIds = items.map((i) => i.suggestionId);
    await tx.execute(sql`update replenishment_suggestions set status = 'ORDERED', order_id = ${order.id}, updated_at = now() where id = any(${pgArray(sIds, "uuid")})`);
    for (const i of items) {
      await tx.execute(sql`update replenishment_suggestions set product_id = ${i.productId}, quantity = ${i.quantity}, supplier_id = ${supplierId} where id = ${i.suggestionId}`);
    }
  }
  return { orders };
}

/** Saves a manager's edit of one suggestion (quantity, presentation, supplier) or dismisses it. */
export async function updateSuggestion(
  tx: Tx,
  input: { id: string; quantity?: string; productId?: string; supplierId?: string | null; dismissed?: boolean },
): Promise<void> {
  const [s] = await tx.execute<{ status: string }>(sql`select status from replenishment_suggestions where id = ${input.id} for update`);
  if (!s) throw new AppError("NOT_FOUND", "La sugerencia no existe.");
  if (s.status === "ORDERED") throw new AppError("INVALID_STATE", "La sugerencia ya fue convertida en orden.");
  await tx.execute(sql`
    update replenishment_suggestions set
      quantity = coalesce(${input.quantity ?? null}::numeric, quantity),
      product_id = coalesce(${input.productId ?? null}::uuid, product_id),
      supplier_id = ${input.supplierId === undefined ? sql`supplier_id` : sql`${input.supplierId}::uuid`},
      status = ${input.dismissed === undefined ? sql`status` : input.dismissed ? sql`'DISMISSED'::replenishment_suggestion_status` : sql`'PENDING'::replenishment_suggestion_status`},
      updated_at = now()
    where id = ${input.id}`);
}
