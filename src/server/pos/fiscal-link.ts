import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { customers } from "../db/schema/pos";
import { Decimal } from "@/lib/decimal";
import { requestFiscalDocument } from "../fiscal/request-fiscal-document";
import { requestCreditNote } from "../fiscal/request-credit-note";
import { DOC_TIPO, RECEIVER_IVA_CONDITION } from "../afip/codes";

// The seam between the sale and the fiscal area: inside the sale's transaction it only
// inserts a PENDING document (no network); the router sends the Inngest event after commit.

export type SaleFiscalRequest = {
  saleId: string;
  registerId: string;
  pointOfSale: number;
  customerId: string | null;
  lines: { description: string; quantity: Decimal; lineTotal: Decimal; ivaRate: string; isService?: boolean }[];
  ticketDiscount: Decimal;
  total: Decimal;
};

const DOC_TYPE_TO_AFIP = { CUIT: DOC_TIPO.CUIT, CUIL: DOC_TIPO.CUIL, DNI: DOC_TIPO.DNI, PASSPORT: DOC_TIPO.PASAPORTE } as const;

/** Inserts the sale's PENDING invoice (consumidor final unless the sale names a customer). */
export async function requestSaleFiscalDocument(tx: Tx, req: SaleFiscalRequest): Promise<string | null> {
  let receiver = null;
  if (req.customerId) {
    const [c] = await tx.select().from(customers).where(eq(customers.id, req.customerId));
    if (c) {
      receiver = {
        docType: DOC_TYPE_TO_AFIP[c.docType],
        docNumber: c.docNumber,
        ivaCondition: RECEIVER_IVA_CONDITION[c.ivaCondition],
        name: c.name,
      };
    }
  }
  const { documentId } = await requestFiscalDocument(tx, {
    saleId: req.saleId,
    registerId: req.registerId,
    pointOfSale: req.pointOfSale,
    receiver,
    lines: req.lines.map((l) => ({
      description: l.description.slice(0, 250),
      quantity: l.quantity.toString(),
      lineTotal: l.lineTotal.toString(),
      ivaRate: l.ivaRate,
      isService: l.isService,
    })),
    total: req.total.toString(),
  });
  return documentId;
}

/** Requests the credit note of a voided sale; null when the sale had no fiscal document. */
export async function requestSaleCreditNote(tx: Tx, saleId: string): Promise<string | null> {
  const r = await requestCreditNote(tx, { saleId });
  return r?.documentId ?? null;
}
