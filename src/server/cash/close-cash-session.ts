import "server-only";
import { z } from "zod";
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { cashSessions } from "../db/schema/pos";
import { cashSessionClosingLines, cashSessionClosings } from "../db/schema/cash-closings";
import { AppError } from "../errors/app-error";
import { PAYMENT_METHODS, ZMoney, type PaymentMethod } from "@/lib/schemas/sale";
import { Decimal, sum } from "@/lib/decimal";
import { assertOwnSession, loadSession } from "./load-session";
import { expectedAmounts } from "./expected-amounts";
import { computeDeviation, worstClass } from "./deviation";

export const ZCloseCashSessionInput = z.object({
  cashSessionId: z.uuid(),
  /** Counted amounts per method; a method left out counts as 0. */
  declared: z
    .array(z.object({ method: z.enum(PAYMENT_METHODS), amount: ZMoney }))
    .max(PAYMENT_METHODS.length)
    .refine((d) => new Set(d.map((x) => x.method)).size === d.length, "Cada medio de pago una sola vez"),
});
export type TCloseCashSessionInput = z.infer<typeof ZCloseCashSessionInput>;

export const ZCloseCashSessionResponse = z.object({
  lines: z.array(
    z.object({
      method: z.enum(["CASH", "DEBIT", "CREDIT", "TRANSFER"]),
      declared: z.string(),
      expected: z.string(),
      deviation: z.string(),
      deviationPct: z.string(),
      deviationClass: z.enum(["NORMAL", "WARNING", "CRITICAL"]),
    }),
  ),
  tenantId: z.uuid(),
  cashSessionId: z.uuid(),
  expectedTotal: z.string(),
  declaredTotal: z.string(),
  deviation: z.string(),
  deviationPct: z.string(),
  deviationClass: z.enum(["NORMAL", "WARNING", "CRITICAL"]),
  review: z.enum(["PENDING", "NOT_REQUIRED", "JUSTIFIED"]),
  justification: z.string().nullable(),
  justifiedBy: z.string().nullable(),
  justifiedAt: z.date().nullable(),
  declaredBy: z.string(),
  declaredAt: z.date(),
});
export type TCloseCashSessionResponse = z.infer<typeof ZCloseCashSessionResponse>;

/**
 * Blind closing: the cashier declares what they counted; only now is the expected amount
 * computed and compared. Deviation per method and in total; the session's class is the
 * worst of them. CRITICAL closings wait for a supervisor's justification.
 */
export async function closeCashSession(tx: Tx, input: TCloseCashSessionInput, actor: { userId: string; canReview?: boolean }) {
  // FOR UPDATE: waits for sales holding the session FOR SHARE, and blocks new ones.
  const session = await loadSession(tx, input.cashSessionId, "update");
  assertOwnSession(session, actor);
  if (session.status !== "OPEN") throw new AppError("INVALID_STATE", "La sesión de caja ya está cerrada.");

  const expected = await expectedAmounts(tx, session.id);
  const declared = Object.fromEntries(input.declared.map((d) => [d.method, new Decimal(d.amount).toFixed(2)])) as Partial<
    Record<PaymentMethod, string>
  >;
  const methods = PAYMENT_METHODS.filter(
    (m) => m === "CASH" || declared[m] !== undefined || !new Decimal(expected[m]).isZero(),
  );
  const lines = methods.map((method) => {
    const d = declared[method] ?? "0.00";
    const dev = computeDeviation(d, expected[method]);
    return { method, declared: d, expected: expected[method], deviation: dev.deviation, deviationPct: dev.pct, deviationClass: dev.class };
  });
  const declaredTotal = sum(lines.map((l) => l.declared));
  const expectedTotal = sum(lines.map((l) => l.expected));
  const total = computeDeviation(declaredTotal, expectedTotal);
  const cls = worstClass([total.class, ...lines.map((l) => l.deviationClass)]);

  const [closing] = await tx
    .insert(cashSessionClosings)
    .values({
      cashSessionId: session.id,
      declaredTotal: declaredTotal.toFixed(2),
      expectedTotal: expectedTotal.toFixed(2),
      deviation: total.deviation,
      deviationPct: total.pct,
      deviationClass: cls,
      review: cls === "CRITICAL" ? "PENDING" : "NOT_REQUIRED",
      declaredBy: actor.userId,
    })
    .returning();
  await tx
    .insert(cashSessionClosingLines)
    .values(lines.map((l) => ({ cashSessionId: session.id, ...l })));
  await tx
    .update(cashSessions)
    .set({ status: "CLOSED", closedBy: actor.userId, closedAt: new Date() })
    .where(eq(cashSessions.id, session.id));
  return { closing: closing!, lines };
}
