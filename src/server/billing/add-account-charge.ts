import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { ZIsoDate, ZManualChargeLine } from "@/lib/schemas/billing";
import { insertManualCharge } from "./insert-manual-charge";

export const ZAddAccountChargeInput = z.object({
  customerId: z.uuid(),
  chargedOn: ZIsoDate.optional(),
  lines: z.array(ZManualChargeLine).min(1, "Agregá al menos un concepto").max(50),
});

export const ZAddAccountChargeResponse = z.object({ chargeId: z.uuid(), total: z.string() });
export type TAddAccountChargeResponse = z.infer<typeof ZAddAccountChargeResponse>;

/** A manual service charged to a customer's account: a pending billable at once. */
export async function addAccountCharge(tx: Tx, raw: z.input<typeof ZAddAccountChargeInput>, actor: { userId: string }) {
  const input = ZAddAccountChargeInput.parse(raw);
  const [c] = await tx.execute<{ name: string; active: boolean; account_enabled: boolean }>(
    sql`select name, active, account_enabled from customers where id = ${input.customerId}`,
  );
  if (!c) throw new AppError("NOT_FOUND", "El cliente no existe.");
  if (!c.active || !c.account_enabled) throw new AppError("INVALID_STATE", `${c.name} no tiene cuenta corriente habilitada.`);
  return insertManualCharge(tx, { status: "PENDING", customerId: input.customerId }, input, actor);
}
