import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { TOpenSessionOp } from "@/lib/schemas/pos-wire";

export type OfflineOpOutcome = { status: "ACCEPTED" | "ACCEPTED_WITH_CONFLICT" | "DUPLICATE"; mappedId?: string };

/**
 * A shift opened on a terminal without connection, applied when it syncs. The client's UUID
 * is the session id (a replay answers DUPLICATE). The shift happened, so it is never dropped:
 * when the register already has an open session, this one is stored open too, flagged
 * `open_conflict` (outside the one-open-per-register key) for a supervisor to review.
 */
export async function openCashSessionOffline(tx: Tx, op: TOpenSessionOp, actor: { userId: string }): Promise<OfflineOpOutcome> {
  const [existing] = await tx.execute<{ opened_by: string }>(sql`
    select s.opened_by
    from (select pg_advisory_xact_lock(hashtextextended(${"cash-session:" + op.id}, 0))) l, cash_sessions s
    where s.id = ${op.id}`);
  if (existing) {
    if (existing.opened_by !== actor.userId) throw new AppError("FORBIDDEN", "Esa sesión de caja la abrió otra persona.");
    return { status: "DUPLICATE" };
  }
  const [register] = await tx.execute<{ tenant_id: string; name: string; active: boolean }>(sql`
    select tenant_id, name, active from registers where id = ${op.registerId}`);
  if (!register) throw new AppError("NOT_FOUND", "La caja no existe.");
  if (!register.active) throw new AppError("INVALID_STATE", `La caja «${register.name}» está desactivada.`);
  // The terminal's clock says when the shift began (its sales are timed against it), but
  // never in the future.
  const insert = (conflict: boolean) => tx.execute<{ id: string }>(sql`
    insert into cash_sessions (tenant_id, id, register_id, opening_float, opened_by, opened_at, opened_offline, open_conflict)
    values (${register.tenant_id}, ${op.id}, ${op.registerId}, ${op.openingFloat}, ${actor.userId},
            least(${op.at}::timestamptz, now()), true, ${conflict})
    on conflict do nothing
    returning id`);
  // ON CONFLICT DO NOTHING covers the one-open-per-register key without aborting the
  // transaction: no row back means another session is open there, so store it flagged.
  const [plain] = await insert(false);
  if (plain) return { status: "ACCEPTED" };
  const [flagged] = await insert(true);
  if (!flagged) throw new AppError("CONFLICT", "No se pudo registrar la apertura de caja.");
  return { status: "ACCEPTED_WITH_CONFLICT" };
}
