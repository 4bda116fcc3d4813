import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { cashMovements } from "../db/schema/pos";
import { AppError } from "../errors/app-error";
import { ZMoney } from "@/lib/schemas/sale";
import { Decimal } from "@/lib/decimal";
import { assertOwnSession, loadSession } from "./load-session";

export const ZAddCashMovementInput = z.object({
  cashSessionId: z.uuid(),
  type: z.enum(["MANUAL_IN", "MANUAL_OUT"]),
  amount: ZMoney.refine((v) => new Decimal(v).gt(0), "El importe debe ser mayor que cero"),
  reason: z.string().trim().min(3, "Indicá el motivo").max(200),
});
export type TAddCashMovementInput = z.infer<typeof ZAddCashMovementInput>;

export const ZAddCashMovementResponse = z.object({
  type: z.enum(["MANUAL_IN", "MANUAL_OUT", "SALE", "VOID"]),
  id: z.uuid(),
  createdAt: z.date(),
  tenantId: z.uuid(),
  reason: z.string().nullable(),
  saleId: z.uuid().nullable(),
  cashSessionId: z.uuid(),
  amount: z.string(),
  method: z.enum(["CASH", "DEBIT", "CREDIT", "TRANSFER"]),
  createdBy: z.string(),
});
export type TAddCashMovementResponse = z.infer<typeof ZAddCashMovementResponse>;

/** Manual cash in/out (change fund, paying a delivery…) with a reason. Stored signed. */
export async function addCashMovement(tx: Tx, input: TAddCashMovementInput, actor: { userId: string; canReview?: boolean }) {
  const session = await loadSession(tx, input.cashSessionId, "share");
  assertOwnSession(session, actor);
  if (session.status !== "OPEN") throw new AppError("INVALID_STATE", "La sesión de caja está cerrada.");
  const amount = new Decimal(input.amount);
  const [row] = await tx
    .insert(cashMovements)
    .values({
      cashSessionId: session.id,
      type: input.type,
      method: "CASH",
      amount: (input.type === "MANUAL_OUT" ? amount.neg() : amount).toFixed(2),
      reason: input.reason,
      createdBy: actor.userId,
    })
    .returning();
  return row!;
}
