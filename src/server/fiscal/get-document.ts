import "server-only";
import { asc, eq } from "drizzle-orm";
import QRCode from "qrcode";
import type { Tx } from "../db/client";
import { fiscalDocumentAttempts, fiscalDocuments, fiscalSettings } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";
import { afipQrUrl } from "../afip/qr";

/** A document for its detail and print views: emitter data, original, attempts, and the RG 4291 QR once issued. */
export async function getDocument(tx: Tx, id: string) {
  const [doc] = await tx.select().from(fiscalDocuments).where(eq(fiscalDocuments.id, id));
  if (!doc) throw new AppError("NOT_FOUND", "El comprobante no existe");
  const [s] = await tx.select().from(fiscalSettings).limit(1);
  const original = doc.originalDocumentId
    ? ((await tx.select().from(fiscalDocuments).where(eq(fiscalDocuments.id, doc.originalDocumentId)))[0] ?? null)
    : null;
  const attempts = await tx
    .select({
      id: fiscalDocumentAttempts.id,
      operation: fiscalDocumentAttempts.operation,
      number: fiscalDocumentAttempts.number,
      outcome: fiscalDocumentAttempts.outcome,
      error: fiscalDocumentAttempts.error,
      createdAt: fiscalDocumentAttempts.createdAt,
    })
    .from(fiscalDocumentAttempts)
    .where(eq(fiscalDocumentAttempts.documentId, id))
    .orderBy(asc(fiscalDocumentAttempts.createdAt));
  let qr: { url: string; dataUrl: string } | null = null;
  if (doc.status === "ISSUED" && doc.cae && doc.number && doc.cbteTipo && doc.emitterCuit && doc.issueDate) {
    const url = afipQrUrl({
      date: doc.issueDate,
      cuit: doc.emitterCuit,
      pointOfSale: doc.pointOfSale,
      cbteTipo: doc.cbteTipo,
      number: doc.number,
      total: doc.total,
      receiverDocType: doc.receiverDocType,
      receiverDocNumber: doc.receiverDocNumber,
      cae: doc.cae,
      // RG 4291: "A" when the code is a CAEA (contingency), "E" for a CAE.
      authType: doc.authType === "CAEA" ? "A" : "E",
    });
    qr = { url, dataUrl: await QRCode.toDataURL(url, { errorCorrectionLevel: "M", margin: 1, width: 180 }) };
  }
  const { requestXml: _rq, responseXml: _rs, ...rest } = doc;
  return {
    document: rest,
    emitter: s
      ? { cuit: s.cuit, legalName: s.legalName, ivaCondition: s.ivaCondition, address: s.address, grossIncomeNumber: s.grossIncomeNumber, activityStartDate: s.activityStartDate }
      : null,
    original: original ? { id: original.id, cbteTipo: original.cbteTipo, pointOfSale: original.pointOfSale, number: original.number, issueDate: original.issueDate } : null,
    attempts,
    qr,
  };
}

/** The audit XML (request/response) of a document. */
export async function getDocumentXml(tx: Tx, id: string) {
  const [doc] = await tx
    .select({ requestXml: fiscalDocuments.requestXml, responseXml: fiscalDocuments.responseXml })
    .from(fiscalDocuments)
    .where(eq(fiscalDocuments.id, id));
  if (!doc) throw new AppError("NOT_FOUND", "El comprobante no existe");
  return doc;
}
