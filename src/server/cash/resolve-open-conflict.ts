import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";

export const ZResolveOpenConflictInput = z.object({
  id: z.uuid(),
  resolution: z.string().trim().min(3, "Contá qué se decidió").max(500, "Como máximo 500 caracteres"),
});
export const ZResolveOpenConflictResponse = z.object({ id: z.uuid(), resolvedAt: z.date() });

/**
 * A supervisor records what was decided about a shift opened offline on a register that was
 * already open. The flag stays (history); the review is written once: a conditional update,
 * so two supervisors resolving at the same time cannot both succeed.
 */
export async function resolveOpenConflict(tx: Tx, input: z.infer<typeof ZResolveOpenConflictInput>, actor: { userId: string }) {
  const [row] = await tx.execute<{ id: string; conflict_resolved_at: Date }>(sql`
    update cash_sessions
    set conflict_resolution = ${input.resolution}, conflict_resolved_by = ${actor.userId}, conflict_resolved_at = now()
    where id = ${input.id} and open_conflict and conflict_resolved_at is null
    returning id, conflict_resolved_at`);
  if (!row) throw new AppError("INVALID_STATE", "Esa apertura en conflicto no existe o ya fue resuelta.");
  return { id: row.id, resolvedAt: new Date(row.conflict_resolved_at) };
}
