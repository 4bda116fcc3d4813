import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { Decimal } from "@/lib/decimal";
import type { TCashMovementOp } from "@/lib/schemas/pos-wire";
import { assertOwnSession, loadSession } from "./load-session";
import type { OfflineOpOutcome } from "./open-cash-session-offline";

/**
 * A cash in/out recorded on a terminal without connection, applied when it syncs.
 * Idempotent by the client's UUID (the movement's id); time = when the cashier made it.
 */
export async function addCashMovementOffline(tx: Tx, op: TCashMovementOp, actor: { userId: string; canReview?: boolean }): Promise<OfflineOpOutcome> {
  const [existing] = await tx.execute(sql`
    select 1 from (select pg_advisory_xact_lock(hashtextextended(${"cash-movement:" + op.id}, 0))) l, cash_movements m
    where m.id = ${op.id}`);
  if (existing) return { status: "DUPLICATE" };
  const session = await loadSession(tx, op.cashSessionId, "share");
  assertOwnSession(session, actor);
  if (session.status !== "OPEN") throw new AppError("INVALID_STATE", "La sesión de caja está cerrada.");
  const amount = new Decimal(op.amount);
  await tx.execute(sql`
    insert into cash_movements (tenant_id, id, cash_session_id, type, method, amount, reason, created_by, created_at)
    values (${session.tenant_id}, ${op.id}, ${session.id}, ${op.type}, 'CASH',
            ${(op.type === "MANUAL_OUT" ? amount.neg() : amount).toFixed(2)}, ${op.reason}, ${actor.userId},
            greatest(least(${op.at}::timestamptz, now()), ${session.opened_at}))`);
  return { status: "ACCEPTED" };
}
