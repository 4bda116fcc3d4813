import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { cashSessionClosingLines, cashSessionClosings } from "../db/schema/pos";
import { assertOwnSession, loadSession } from "./load-session";
import { expectedAmounts } from "./expected-amounts";

/**
 * A session as its viewer may see it. Expected amounts (and anything that adds up to them:
 * sale totals, movement sums) go only to reviewers (cash.review), or to anyone once the
 * blind declaration is recorded. Before that a cashier sees the float and counts only.
 */
export async function getCashSession(tx: Tx, cashSessionId: string, viewer: { userId: string; canReview: boolean }) {
  const session = await loadSession(tx, cashSessionId);
  assertOwnSession(session, viewer);
  const [counts] = await tx.execute<{ sales: number; voided: number }>(sql`
    select count(*)::int as sales, count(*) filter (where status = 'VOIDED')::int as voided
    from sales where cash_session_id = ${session.id}`);
  const [closing] = await tx.select().from(cashSessionClosings).where(eq(cashSessionClosings.cashSessionId, session.id));
  const base = {
    id: session.id,
    registerId: session.register_id,
    registerName: session.register_name,
    status: session.status,
    openingFloat: session.opening_float,
    openedByMe: session.opened_by === viewer.userId,
    openedAt: session.opened_at,
    salesCount: counts?.sales ?? 0,
    voidedCount: counts?.voided ?? 0,
  };
  const mayReveal = viewer.canReview || !!closing;
  if (!mayReveal) return { ...base, revealed: false as const };
  const lines = closing
    ? await tx.select().from(cashSessionClosingLines).where(eq(cashSessionClosingLines.cashSessionId, session.id))
    : [];
  return {
    ...base,
    revealed: true as const,
    expected: await expectedAmounts(tx, session.id),
    // Who declared or justified is said by name elsewhere; user ids never leave the server (issue 11).
    closing: closing
      ? {
          declaredTotal: closing.declaredTotal,
          expectedTotal: closing.expectedTotal,
          deviation: closing.deviation,
          deviationPct: closing.deviationPct,
          deviationClass: closing.deviationClass,
          review: closing.review,
          justification: closing.justification,
          justifiedAt: closing.justifiedAt,
          declaredAt: closing.declaredAt,
          declaredByMe: closing.declaredBy === viewer.userId,
        }
      : null,
    closingLines: lines,
  };
}
