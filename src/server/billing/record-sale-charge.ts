import "server-only";
import type { Tx } from "../db/client";
import { billingCharges, type ChargeLine } from "../db/schema/billing";
import type { AuthorizedCharge } from "./authorize-sale-charge";

/** The sale's charge (same transaction): pending billable on account, or on the room's folio. */
export async function recordSaleCharge(
  tx: Tx,
  input: { saleId: string; ticketNumber: number; chargedOn: string; charge: AuthorizedCharge; lines: ChargeLine[]; total: string },
  actor: { userId: string },
) {
  const c = input.charge;
  await tx.insert(billingCharges).values({
    source: c.kind === "ACCOUNT" ? "ACCOUNT_SALE" : "ROOM_SALE",
    status: c.kind === "ACCOUNT" ? "PENDING" : "ON_FOLIO",
    customerId: c.kind === "ACCOUNT" ? c.customerId : null,
    folioId: c.kind === "ROOM" ? c.folioId : null,
    saleId: input.saleId,
    description: `Ticket ${input.ticketNumber}: ${input.lines.map((l) => l.description).join(", ")}`.slice(0, 300),
    lines: input.lines,
    total: input.total,
    chargedOn: input.chargedOn,
    createdBy: actor.userId,
    authorizedBy: c.kind === "ACCOUNT" ? c.authorizedBy : null,
  });
}
