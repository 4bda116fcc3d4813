import "server-only";
import { sql } from "drizzle-orm";
import { pgArray } from "../db/sql-helpers";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";

const decimalText = (scale: number, label: string) =>
  z
    .string()
    .trim()
    .regex(new RegExp(`^\\d{1,9}(\\.\\d{1,${scale}})?$`), `${label}: usá un número con hasta ${scale} decimales`);

export const ZCreateCountInput = z.object({
  name: z.string().trim().min(2, "Ingresá un nombre").max(80, "Como máximo 80 caracteres"),
  warehouseId: z.uuid("Elegí un depósito"),
  categoryIds: z.array(z.uuid()).max(100, "Como máximo 100 categorías").default([]),
  /** A cycle count over these products only. */
  productIds: z.array(z.uuid()).max(20_000, "Como máximo 20.000 productos").default([]),
  zones: z
    .array(z.object({ name: z.string().trim().min(1, "Nombrá la zona").max(60), assignedUserId: z.uuid().nullable().optional() }))
    .max(50, "Como máximo 50 zonas")
    .default([]),
  /** Recount lines whose |variance| exceeds this % of the expected quantity… */
  thresholdPct: decimalText(2, "Umbral %").nullable().optional(),
  /** …or this amount of money at cost. */
  thresholdMoney: decimalText(2, "Umbral en pesos").nullable().optional(),
});
export type TCreateCountInput = z.input<typeof ZCreateCountInput>;

/** Opens a count for a warehouse (whole, some categories, or a product list), with its zones. */
export async function createCount(tx: Tx, raw: TCreateCountInput, actor: Actor): Promise<{ id: string }> {
  const v = ZCreateCountInput.parse(raw);
  if (v.categoryIds.length && v.productIds.length) {
    throw new AppError("VALIDATION", "Elegí categorías o una lista de productos, no ambas.", { field: "productIds" });
  }
  const names = new Set(v.zones.map((z) => z.name.toLowerCase()));
  if (names.size !== v.zones.length) throw new AppError("VALIDATION", "Hay zonas con el mismo nombre.", { field: "zones" });

  const [w] = await tx.execute<{ active: boolean }>(sql`select active from warehouses where tenant_id = ${TENANT} and id = ${v.warehouseId}`);
  if (!w) throw new AppError("NOT_FOUND", "El depósito no existe.", { field: "warehouseId" });
  if (!w.active) throw new AppError("INVALID_STATE", "El depósito está desactivado.", { field: "warehouseId" });

  const assigned = [...new Set(v.zones.map((z) => z.assignedUserId).filter((u): u is string => Boolean(u)))];
  if (assigned.length) {
    const rows = await tx.execute<{ user_id: string }>(sql`
      select user_id from memberships where tenant_id = ${TENANT} and user_id = any(${pgArray(assigned, "uuid")})`);
    if (rows.length !== assigned.length) throw new AppError("VALIDATION", "Una zona está asignada a alguien que no es del equipo.", { field: "zones" });
  }
  const catArray = pgArray(v.categoryIds, "uuid");
  if (v.categoryIds.length) {
    const [n] = await tx.execute<{ n: number }>(sql`select count(*)::int as n from categories where tenant_id = ${TENANT} and id = any(${catArray})`);
    if (n!.n !== new Set(v.categoryIds).size) throw new AppError("NOT_FOUND", "Una de las categorías no existe.", { field: "categoryIds" });
  }

  const [c] = await tx.execute<{ id: string }>(sql`
    insert into counts (tenant_id, name, warehouse_id, category_ids, by_product_list, threshold_pct, threshold_money, created_by)
    values (${TENANT}, ${v.name}, ${v.warehouseId}, ${catArray}, ${v.productIds.length > 0}, ${v.thresholdPct ?? null}::numeric,
            ${v.thresholdMoney ?? null}::numeric, ${actor.userId})
    returning id`);
  const id = c!.id;
  if (v.productIds.length) {
    const ids = [...new Set(v.productIds)];
    const inserted = await tx.execute<{ n: number }>(sql`
      with ins as (
        insert into count_products (tenant_id, count_id, product_id)
        select ${TENANT}, ${id}, p.id from products p
        where p.tenant_id = ${TENANT} and p.id = any(${pgArray(ids, "uuid")}) and not p.is_service
        returning 1)
      select count(*)::int as n from ins`);
    if (inserted[0]!.n !== ids.length) {
      throw new AppError("VALIDATION", "Algún producto de la lista no existe o es un servicio.", { field: "productIds" });
    }
  }
  for (const z of v.zones) {
    await tx.execute(sql`insert into count_zones (tenant_id, count_id, name, assigned_user_id) values (${TENANT}, ${id}, ${z.name}, ${z.assignedUserId ?? null})`);
  }
  return { id };
}
