import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";

export type SessionRow = {
  id: string;
  tenant_id: string;
  register_id: string;
  register_name: string;
  status: "OPEN" | "CLOSED";
  opening_float: string;
  opened_by: string;
  /** Timestamp text as raw SQL returns it. */
  opened_at: string;
};

/**
 * Loads a session with its register, optionally locking it. Sales take FOR SHARE so a
 * closing (FOR UPDATE) waits for in-flight sales and no sale lands after the count.
 */
export async function loadSession(tx: Tx, cashSessionId: string, lock: "share" | "update" | "none" = "none"): Promise<SessionRow> {
  const lockSql = lock === "share" ? sql`for share of s` : lock === "update" ? sql`for update of s` : sql``;
  const [row] = await tx.execute<SessionRow>(sql`
    select s.id, s.tenant_id, s.register_id, r.name as register_name, s.status, s.opening_float, s.opened_by, s.opened_at
    from cash_sessions s join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id
    where s.id = ${cashSessionId} ${lockSql}`);
  if (!row) throw new AppError("NOT_FOUND", "La sesión de caja no existe.");
  return row;
}

/** A cashier works only on their own session; reviewers (cash.review) may act on any. */
export function assertOwnSession(session: SessionRow, actor: { userId: string; canReview?: boolean }) {
  if (session.opened_by !== actor.userId && !actor.canReview) {
    throw new AppError("FORBIDDEN", "Esta sesión de caja la abrió otra persona.");
  }
}
