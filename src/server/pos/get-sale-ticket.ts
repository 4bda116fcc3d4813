import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { getDocument } from "../fiscal/get-document";
import { getSale, ZSaleResponse } from "./get-sale";

export const ZSaleTicketResponse = ZSaleResponse.extend({
  emitter: z.object({ legalName: z.string(), cuit: z.string(), address: z.string().nullable(), ivaCondition: z.string() }).nullable(),
  fiscal: z
    .object({
      cae: z.string().nullable(),
      caeDueDate: z.string().nullable(),
      number: z.number().int().nullable(),
      pointOfSale: z.number().int(),
      cbteTipo: z.number().int().nullable(),
      qr: z.object({ url: z.string(), dataUrl: z.string() }).nullable(),
    })
    .nullable(),
});

/**
 * A sale as its printed ticket needs it: the sale (same figures as when charged), the
 * business's legal data, and once ARCA authorized the invoice its CAE, due date and the
 * RG 4291 QR — so a reprint after the fiscal document was issued carries them.
 */
export async function getSaleTicket(tx: Tx, saleId: string, actor?: { userId: string; canReview?: boolean }) {
  // A cashier reprints the sales of their own sessions only (getSale answers NOT_FOUND otherwise).
  const sale = await getSale(tx, saleId, actor);
  const [emitter] = await tx.execute<{ legal_name: string; cuit: string; address: string | null; iva_condition: string }>(sql`
    select legal_name, cuit, address, iva_condition from fiscal_settings limit 1`);
  let fiscal: { cae: string | null; caeDueDate: string | null; number: number | null; pointOfSale: number; cbteTipo: number | null; qr: { url: string; dataUrl: string } | null } | null = null;
  if (sale.fiscalDocumentId) {
    const d = await getDocument(tx, sale.fiscalDocumentId);
    fiscal = {
      cae: d.document.cae ?? null,
      caeDueDate: d.document.caeDueDate ? String(d.document.caeDueDate) : null,
      number: d.document.number ?? null,
      pointOfSale: d.document.pointOfSale,
      cbteTipo: d.document.cbteTipo ?? null,
      qr: d.qr,
    };
  }
  return {
    ...sale,
    emitter: emitter ? { legalName: emitter.legal_name, cuit: emitter.cuit, address: emitter.address, ivaCondition: emitter.iva_condition } : null,
    fiscal,
  };
}
