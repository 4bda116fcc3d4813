import "server-only";
import { z } from "zod";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { cashSessionClosings } from "../db/schema/cash-closings";
import { AppError } from "../errors/app-error";

export const ZJustifyCashSessionInput = z.object({
  cashSessionId: z.uuid(),
  justification: z.string().trim().min(5, "Escribí una justificación (al menos 5 caracteres)").max(1000),
});
export type TJustifyCashSessionInput = z.infer<typeof ZJustifyCashSessionInput>;

export const ZJustifyCashSessionResponse = z.object({
  cashSessionId: z.uuid(),
  review: z.enum(["PENDING", "NOT_REQUIRED", "JUSTIFIED"]),
  justification: z.string().nullable(),
  justifiedBy: z.string().nullable(),
  justifiedAt: z.date().nullable(),
  deviation: z.string(),
  deviationClass: z.enum(["NORMAL", "WARNING", "CRITICAL"]),
});
export type TJustifyCashSessionResponse = z.infer<typeof ZJustifyCashSessionResponse>;

/** A supervisor (cash.review) records why a CRITICAL closing deviated; the session stops pending. */
export async function justifyCashSession(tx: Tx, input: TJustifyCashSessionInput, actor: { userId: string }) {
  const [closing] = await tx
    .select()
    .from(cashSessionClosings)
    .where(eq(cashSessionClosings.cashSessionId, input.cashSessionId))
    .for("update");
  if (!closing) throw new AppError("NOT_FOUND", "Esa sesión no tiene cierre declarado.");
  if (closing.review !== "PENDING") {
    throw new AppError(
      "INVALID_STATE",
      closing.review === "JUSTIFIED" ? "Ese cierre ya fue justificado." : "Ese cierre no necesita justificación.",
    );
  }
  const [row] = await tx
    .update(cashSessionClosings)
    .set({ review: "JUSTIFIED", justification: input.justification, justifiedBy: actor.userId, justifiedAt: sql`now()` })
    .where(eq(cashSessionClosings.cashSessionId, input.cashSessionId))
    // Not declaredBy: the cashier's user id never leaves the server (issue 11).
    .returning({
      cashSessionId: cashSessionClosings.cashSessionId,
      review: cashSessionClosings.review,
      justification: cashSessionClosings.justification,
      justifiedBy: cashSessionClosings.justifiedBy,
      justifiedAt: cashSessionClosings.justifiedAt,
      deviation: cashSessionClosings.deviation,
      deviationClass: cashSessionClosings.deviationClass,
    });
  return row!;
}
