import "server-only";
import type { Tx } from "../db/client";
import type { Decimal } from "@/lib/decimal";

// The seam to the fiscal area (src/server/fiscal/, issue 7). Until it is merged, a sale on a
// fiscal register is left with fiscal_status PENDING and no document row; the fiscal worker's
// sweep can pick those sales up. When the fiscal branch lands, this calls
// requestFiscalDocument / requestCreditNote inside the sale transaction (no network).

export type SaleFiscalRequest = {
  saleId: string;
  registerId: string;
  pointOfSale: number;
  customerId: string | null;
  lines: { description: string; quantity: Decimal; lineTotal: Decimal; ivaRate: string }[];
  ticketDiscount: Decimal;
  total: Decimal;
};

/** Returns the fiscal document id, or null when no fiscal module is present. */
export async function requestSaleFiscalDocument(_tx: Tx, _req: SaleFiscalRequest): Promise<string | null> {
  return null;
}

/** Returns the credit note document id, or null when the sale had no document / no fiscal module. */
export async function requestSaleCreditNote(_tx: Tx, _saleId: string): Promise<string | null> {
  return null;
}
