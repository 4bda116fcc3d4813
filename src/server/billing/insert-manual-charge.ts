import "server-only";
import type { Tx } from "../db/client";
import { billingCharges } from "../db/schema/billing";
import { tenantToday } from "../purchasing/common";
import { manualChargeLines } from "./charge-lines";

type TypedLine = { description: string; quantity: string; unitPrice: string; ivaRate: string };

/**
 * A charge typed by hand (room nights, services), shared by the folio and the customer's
 * account: its lines priced with IVA, a description made of theirs, dated today unless given.
 * Where it goes (an open folio, or pending on an account) is the caller's check.
 */
export async function insertManualCharge(
  tx: Tx,
  to: { status: "ON_FOLIO"; folioId: string } | { status: "PENDING"; customerId: string },
  input: { lines: TypedLine[]; chargedOn?: string | null },
  actor: { userId: string },
): Promise<{ chargeId: string; total: string }> {
  const { lines, total } = manualChargeLines(input.lines);
  const [row] = await tx
    .insert(billingCharges)
    .values({
      source: "MANUAL",
      ...to,
      description: lines.map((l) => l.description).join(", ").slice(0, 300),
      lines,
      total,
      chargedOn: input.chargedOn ?? (await tenantToday(tx)),
      createdBy: actor.userId,
    })
    .returning({ id: billingCharges.id });
  return { chargeId: row!.id, total };
}
