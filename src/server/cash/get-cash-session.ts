import "server-only";
import { z } from "zod";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { cashSessionClosingLines, cashSessionClosings } from "../db/schema/cash-closings";
import { assertOwnSession, loadSession } from "./load-session";
import { expectedAmounts } from "./expected-amounts";

const ZDeviationClass = z.enum(["NORMAL", "WARNING", "CRITICAL"]);
const ZSessionBase = z.object({
  id: z.uuid(),
  registerId: z.uuid(),
  registerName: z.string(),
  status: z.enum(["OPEN", "CLOSED"]),
  openingFloat: z.string(),
  openedByMe: z.boolean(),
  /** Timestamp text as raw SQL returns it. */
  openedAt: z.string(),
  salesCount: z.number(),
  voidedCount: z.number(),
});

/** Blind (revealed: false) until the viewer may see expected amounts. */
export const ZGetCashSessionResponse = z.discriminatedUnion("revealed", [
  ZSessionBase.extend({ revealed: z.literal(false) }),
  ZSessionBase.extend({
    revealed: z.literal(true),
    expected: z.object({ CASH: z.string(), DEBIT: z.string(), CREDIT: z.string(), TRANSFER: z.string() }),
    closing: z
      .object({
        declaredTotal: z.string(),
        expectedTotal: z.string(),
        deviation: z.string(),
        deviationPct: z.string(),
        deviationClass: ZDeviationClass,
        review: z.enum(["PENDING", "NOT_REQUIRED", "JUSTIFIED"]),
        justification: z.string().nullable(),
        justifiedAt: z.date().nullable(),
        declaredAt: z.date(),
        declaredByMe: z.boolean(),
      })
      .nullable(),
    closingLines: z.array(
      z.object({
        tenantId: z.uuid(),
        cashSessionId: z.uuid(),
        method: z.enum(["CASH", "DEBIT", "CREDIT", "TRANSFER"]),
        declared: z.string(),
        expected: z.string(),
        deviation: z.string(),
        deviationPct: z.string(),
        deviationClass: ZDeviationClass,
      }),
    ),
  }),
]);
export type TGetCashSessionResponse = z.infer<typeof ZGetCashSessionResponse>;

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
