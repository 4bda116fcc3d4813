import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { pgArray } from "../db/sql-helpers";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT } from "../inventory/ledger";

// Shared pieces of the counts domain: loading/locking a count and the SQL of its scope.

export type CountStatus = "OPEN" | "COUNTING" | "REVIEW" | "APPLIED" | "CANCELLED";
export type CountRow = {
  id: string;
  name: string;
  warehouseId: string;
  status: CountStatus;
  categoryIds: string[];
  byProductList: boolean;
  thresholdPct: string | null;
  thresholdMoney: string | null;
};

export const ZCountId = z.uuid("Identificador inválido");
/** Lot numbers as people type them (trimmed, bounded). */
export const ZLotNumber = z.string().trim().max(60, "El lote tiene como máximo 60 caracteres");

export const STATUS_LABEL: Record<CountStatus, string> = {
  OPEN: "Abierto",
  COUNTING: "Contando",
  REVIEW: "En revisión",
  APPLIED: "Aplicado",
  CANCELLED: "Cancelado",
};

/**
 * Reads a count, optionally locking it: `share` for counters (many at once; blocks state
 * changes until they commit), `update` for state changes and apply (one at a time).
 */
export async function loadCount(tx: Tx, id: string, lock: "none" | "share" | "update" = "none"): Promise<CountRow> {
  const suffix = lock === "share" ? sql`for share` : lock === "update" ? sql`for no key update` : sql``;
  const [row] = await tx.execute<CountRow>(sql`
    select id, name, warehouse_id as "warehouseId", status, category_ids::text[] as "categoryIds", by_product_list as "byProductList",
           threshold_pct::text as "thresholdPct", threshold_money::text as "thresholdMoney"
    from counts where tenant_id = ${TENANT} and id = ${id} ${suffix}`);
  if (!row) throw new AppError("NOT_FOUND", "El conteo no existe.", { countId: id });
  return row;
}

export function requireStatus(c: CountRow, allowed: CountStatus[], action: string): void {
  if (!allowed.includes(c.status)) {
    throw new AppError("INVALID_STATE", `No se puede ${action}: el conteo está ${STATUS_LABEL[c.status].toLowerCase()}.`, {
      countId: c.id,
      status: c.status,
    });
  }
}

/** The condition "product p is in this count's scope" (p = alias of products). */
export function inScope(c: CountRow, p: SQL = sql`p`): SQL {
  if (c.byProductList) {
    return sql`exists (select 1 from count_products cp where cp.tenant_id = ${TENANT} and cp.count_id = ${c.id} and cp.product_id = ${p}.id)`;
  }
  if (c.categoryIds.length === 0) return sql`true`;
  return sql`${p}.category_id in (
    with recursive tree as (
      select id from categories where tenant_id = ${TENANT} and id = any(${pgArray(c.categoryIds, "uuid")})
      union select ch.id from categories ch join tree on ch.parent_id = tree.id where ch.tenant_id = ${TENANT})
    select id from tree)`;
}

/** Countable products: active goods (not services) in scope. */
export function countable(c: CountRow, p: SQL = sql`p`): SQL {
  return sql`${p}.active and not ${p}.is_service and ${inScope(c, p)}`;
}
