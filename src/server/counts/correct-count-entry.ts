import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";
import { loadCount, requireStatus } from "./common";
import { entryViews, ZCountEntryView, ZCountQuantity } from "./entry-view";

export const ZCorrectCountEntryInput = z.object({
  entryId: z.uuid("Identificador inválido"),
  /** A new quantity; omitted with `undo` to take the entry back. */
  quantity: ZCountQuantity.optional(),
  undo: z.boolean().optional(),
});
export type TCorrectCountEntryInput = z.input<typeof ZCorrectCountEntryInput>;
export const ZCorrectCountEntryResponse = z.object({ entry: ZCountEntryView.nullable() });

/**
 * Only the author corrects (a typo: the entry keeps its ledger position, it is the same
 * physical count) or undoes an entry (kept, marked void, so a resend stays a no-op), and
 * only while its line is still open to that round.
 */
export async function correctCountEntry(tx: Tx, raw: TCorrectCountEntryInput, actor: Actor & { userId: string }): Promise<z.infer<typeof ZCorrectCountEntryResponse>> {
  const v = ZCorrectCountEntryInput.parse(raw);
  if (!v.undo && v.quantity === undefined) throw new AppError("VALIDATION", "Indicá la cantidad corregida.", { field: "quantity" });
  const [e] = await tx.execute<{ count_id: string; user_id: string; voided: boolean; round: number; line_round: number; line_status: string }>(sql`
    select e.count_id, e.user_id, e.voided_at is not null as voided, e.round, l.round as line_round, l.status as line_status
    from count_entries e
    join count_lines l on l.tenant_id = e.tenant_id and l.count_id = e.count_id and l.product_id = e.product_id and l.lot_key = e.lot_key
    where e.tenant_id = ${TENANT} and e.id = ${v.entryId}`);
  // Someone else's entry looks like no entry at all.
  if (!e || e.user_id !== actor.userId) throw new AppError("NOT_FOUND", "La carga no existe o no es tuya.", { field: "entryId" });
  const c = await loadCount(tx, e.count_id, "share");
  requireStatus(c, ["COUNTING", "REVIEW"], "corregir cargas");
  if (e.voided) throw new AppError("INVALID_STATE", "Esa carga ya se deshizo.", { field: "entryId" });
  if (e.round !== e.line_round || e.line_status === "APPLIED" || e.line_status === "SKIPPED" || (c.status === "REVIEW" && e.round === 0)) {
    throw new AppError("INVALID_STATE", "Esa carga ya pasó a revisión y no se puede cambiar.", { field: "entryId" });
  }
  await tx.execute(sql`
    update count_entries set ${v.undo ? sql`voided_at = now()` : sql`quantity = ${v.quantity!}::numeric, updated_at = now()`}
    where tenant_id = ${TENANT} and id = ${v.entryId} and voided_at is null`);
  if (v.undo) return { entry: null };
  const [entry] = await entryViews(tx, { countId: c.id, userId: actor.userId, entryId: v.entryId });
  return { entry: entry! };
}
