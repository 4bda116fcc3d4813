import "server-only";
import { z } from "zod";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { registers } from "../db/schema/registers";
import { cashSessions } from "../db/schema/pos";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { ZMoney } from "@/lib/schemas/sale";
import { money } from "@/lib/decimal";

export const ZOpenCashSessionInput = z.object({
  registerId: z.uuid(),
  openingFloat: ZMoney,
});
export type TOpenCashSessionInput = z.infer<typeof ZOpenCashSessionInput>;

export const ZOpenCashSessionResponse = z.object({
  id: z.uuid(),
  status: z.enum(["OPEN", "CLOSED"]),
  tenantId: z.uuid(),
  registerId: z.uuid(),
  openingFloat: z.string(),
  openedAt: z.date(),
  closedAt: z.date().nullable(),
  openedBy: z.string(),
  closedBy: z.string().nullable(),
  openedOffline: z.boolean(),
  openConflict: z.boolean(),
  conflictResolvedBy: z.string().nullable(),
  conflictResolvedAt: z.date().nullable(),
  conflictResolution: z.string().nullable(),
});
export type TOpenCashSessionResponse = z.infer<typeof ZOpenCashSessionResponse>;

/** Opens a shift on a register with an opening float. The database allows one OPEN per register. */
export async function openCashSession(tx: Tx, input: TOpenCashSessionInput, actor: { userId: string }) {
  const [register] = await tx.select().from(registers).where(eq(registers.id, input.registerId));
  if (!register) throw new AppError("NOT_FOUND", "La caja no existe.");
  if (!register.active) throw new AppError("INVALID_STATE", `La caja «${register.name}» está desactivada.`);
  const [open] = await tx
    .select({ id: cashSessions.id })
    .from(cashSessions)
    .where(and(eq(cashSessions.registerId, input.registerId), eq(cashSessions.status, "OPEN")));
  if (open) throw new AppError("CONFLICT", `La caja «${register.name}» ya tiene una sesión abierta.`, { cashSessionId: open.id });
  try {
    const [row] = await tx
      .insert(cashSessions)
      .values({
        registerId: register.id,
        openingFloat: money(input.openingFloat),
        openedBy: actor.userId,
      })
      .returning();
    return row!;
  } catch (e) {
    // Two openings at the same instant: the partial unique index lets one through.
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `La caja «${register.name}» ya tiene una sesión abierta.`);
    throw e;
  }
}
