import "server-only";
import { sql } from "drizzle-orm";
import { pgArray } from "../db/sql-helpers";
import { z } from "zod";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { exec, TENANT, type Actor } from "../inventory/ledger";
import { loadCount, requireStatus, ZCountId } from "./common";
import { lineFigures, lineState, thresholdsOf } from "./line-figures";

export const ZRequestRecountInput = z.object({
  countId: ZCountId,
  /** These lines; or every line over the threshold when omitted. */
  lineIds: z.array(z.uuid()).min(1).max(20_000).optional(),
  /** Optionally the person who must do it (never one who already counted the line). */
  assignedUserId: z.uuid().nullable().optional(),
});
export type TRequestRecountInput = z.input<typeof ZRequestRecountInput>;
export const ZRequestRecountResponse = z.object({ requested: z.number().int() });

/** Sends lines back to be counted again by someone else: a new round whose entries replace the previous ones. */
export async function requestRecount(tx: Tx, raw: TRequestRecountInput, actor: Actor): Promise<z.infer<typeof ZRequestRecountResponse>> {
  const v = ZRequestRecountInput.parse(raw);
  const c = await loadCount(tx, v.countId, "update");
  requireStatus(c, ["REVIEW"], "pedir un reconteo");
  const figures = await lineFigures(tx, c, v.lineIds);
  const t = thresholdsOf(c);
  const targets = figures.filter((f) => {
    const s = lineState(f, t);
    return v.lineIds ? s !== "APPLIED" && s !== "SKIPPED" : s === "NEEDS_RECOUNT";
  });
  if (v.lineIds && targets.length !== v.lineIds.length) {
    throw new AppError("INVALID_STATE", "Alguna de las líneas ya se ajustó o no es de este conteo.", { field: "lineIds" });
  }
  if (v.assignedUserId) {
    const [m] = await tx.execute(sql`select 1 from memberships where tenant_id = ${TENANT} and user_id = ${v.assignedUserId}`);
    if (!m) throw new AppError("VALIDATION", "Esa persona no es del equipo.", { field: "assignedUserId" });
    const counted = targets.find((f) => f.counterIds.includes(v.assignedUserId!) || f.earlierCounterIds.includes(v.assignedUserId!));
    if (counted) {
      throw new AppError("VALIDATION", `«${counted.productName}» lo contó esa misma persona: el reconteo tiene que hacerlo otra.`, { field: "assignedUserId" });
    }
  }
  if (targets.length === 0) return { requested: 0 };
  await exec(tx, sql`
    update count_lines set status = 'RECOUNT', round = round + 1, recount_requested_by = ${actor.userId}::uuid,
           recount_assigned_to = ${v.assignedUserId ?? null}::uuid, error = null
    where tenant_id = ${TENANT} and count_id = ${c.id} and id = any(${pgArray(targets.map((f) => f.id), "uuid")})`);
  return { requested: targets.length };
}
