import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import type { Decimal } from "@/lib/decimal";
import { requestFiscalDocument } from "../fiscal/request-fiscal-document";
import { requestCreditNote } from "../fiscal/request-credit-note";

// The seam to the fiscal area (src/server/fiscal/): both calls only insert PENDING rows inside
// the caller's transaction (no network); the router sends the Inngest event after commit.

export type SaleFiscalRequest = {
  saleId: string;
  registerId: string;
  pointOfSale: number;
  customerId: string | null;
  lines: { description: string; quantity: Decimal; lineTotal: Decimal; ivaRate: string; isService: boolean }[];
  ticketDiscount: Decimal;
  total: Decimal;
};

/** AFIP DocTipo for our customer document types. */
const DOC_TYPE = { CUIT: 80, CUIL: 86, DNI: 96, PASSPORT: 94 } as const;

/** Requests the invoice (A/B/C chosen by the fiscal area from emitter and receiver conditions). */
export async function requestSaleFiscalDocument(tx: Tx, req: SaleFiscalRequest): Promise<string | null> {
  let receiver = null;
  if (req.customerId) {
    const [c] = await tx.execute<{ doc_type: keyof typeof DOC_TYPE; doc_number: string; iva_condition: string; name: string }>(
      sql`select doc_type, doc_number, iva_condition, name from customers where id = ${req.customerId}`,
    );
    if (c) {
      receiver = {
        docType: DOC_TYPE[c.doc_type],
        docNumber: c.doc_number,
        ivaCondition: c.iva_condition as "RESPONSABLE_INSCRIPTO",
        name: c.name,
      };
    }
  }
  const { documentId } = await requestFiscalDocument(tx, {
    saleId: req.saleId,
    registerId: req.registerId,
    pointOfSale: req.pointOfSale,
    receiver,
    // Line totals after line discounts; the ticket discount is spread over aliquots by `total`.
    lines: req.lines.map((l) => ({
      description: l.description,
      quantity: l.quantity.toString(),
      lineTotal: l.lineTotal.toFixed(2),
      ivaRate: l.ivaRate,
      isService: l.isService,
    })),
    total: req.total.toFixed(2),
  });
  return documentId;
}

/** Returns the credit note document id, or null when the sale had no document. */
export async function requestSaleCreditNote(tx: Tx, saleId: string): Promise<string | null> {
  const r = await requestCreditNote(tx, { saleId });
  return r?.documentId ?? null;
}
