import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { fiscalDocuments, fiscalSettings } from "../db/schema/fiscal";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { dec, money, qty, unitPrice } from "@/lib/decimal";
import { normalizeRate } from "../afip/amounts";
import { CONSUMIDOR_FINAL, ZRequestFiscalDocumentInput, type TRequestFiscalDocumentInput } from "./schemas";
import { prepareDocument } from "./prepare-document";
import { numberUnderCaeaIfContingency } from "./number-under-caea";

/**
 * Called inside the sale's transaction: inserts a PENDING invoice (no network). The caller
 * sends the event after commit: `ctx.afterCommit(() => sendFiscalEvent(documentId, tenantId))`.
 * Idempotent per sale. Without fiscal settings the document still waits (PENDING) and is
 * completed when issued after the settings are saved.
 */
export async function requestFiscalDocument(tx: Tx, raw: TRequestFiscalDocumentInput, opts: { now?: Date } = {}): Promise<{ documentId: string }> {
  const input = ZRequestFiscalDocumentInput.parse(raw);
  const [existing] = await tx
    .select({ id: fiscalDocuments.id })
    .from(fiscalDocuments)
    .where(and(eq(fiscalDocuments.saleId, input.saleId), eq(fiscalDocuments.kind, "INVOICE")));
  if (existing) return { documentId: existing.id };

  const receiver = input.receiver ?? CONSUMIDOR_FINAL;
  let lines;
  try {
    lines = input.lines.map((l) => {
      const lineTotal = l.lineTotal ?? dec(l.quantity).times(l.unitPrice!).toString();
      return {
        description: l.description,
        quantity: qty(l.quantity),
        unitPrice: unitPrice(l.unitPrice ?? (dec(l.quantity).isZero() ? 0 : dec(lineTotal).div(l.quantity))),
        lineTotal: money(lineTotal),
        ivaRate: normalizeRate(l.ivaRate),
      };
    });
  } catch {
    throw new AppError("VALIDATION", "Alícuota de IVA no admitida por ARCA (0, 2,5, 5, 10,5, 21 o 27 %)");
  }
  const services = input.lines.filter((l) => l.isService).length;
  const concept = services === 0 ? 1 : services === input.lines.length ? 2 : 3;
  const base = {
    kind: "INVOICE" as const,
    concept,
    saleId: input.saleId,
    registerId: input.registerId ?? null,
    pointOfSale: input.pointOfSale,
    receiverDocType: receiver.docType,
    receiverDocNumber: receiver.docNumber,
    receiverIvaCondition: receiver.ivaCondition,
    receiverName: receiver.name ?? null,
    lines,
    total: money(input.total),
  };
  const [settings] = await tx.select().from(fiscalSettings).limit(1);
  const prepared = settings ? prepareDocument(settings, base) : {};
  try {
    const [row] = await tx
      .insert(fiscalDocuments)
      .values({ ...base, ...prepared })
      .returning();
    // In contingency the invoice is numbered under CAEA right here, so the ticket prints valid.
    if (settings) await numberUnderCaeaIfContingency(tx, row!, settings, opts.now ?? new Date());
    return { documentId: row!.id };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "La venta ya tiene un comprobante fiscal solicitado");
    throw e;
  }
}

