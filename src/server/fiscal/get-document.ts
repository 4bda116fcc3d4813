import "server-only";
import { z } from "zod";
import { asc, eq } from "drizzle-orm";
import QRCode from "qrcode";
import type { Tx } from "../db/client";
import { fiscalDocumentAttempts, fiscalDocuments, fiscalSettings } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";
import { afipQrUrl } from "../afip/qr";

export const ZGetDocumentResponse = z.object({
  document: z.object({
    tenantId: z.uuid(),
    id: z.uuid(),
    kind: z.enum(["INVOICE", "CREDIT_NOTE"]),
    status: z.enum(["PENDING", "ISSUED", "REJECTED", "ERROR"]),
    saleId: z.uuid().nullable(),
    registerId: z.uuid().nullable(),
    originalDocumentId: z.uuid().nullable(),
    environment: z.enum(["HOMOLOGATION", "PRODUCTION", "FAKE"]).nullable(),
    emitterCuit: z.string().nullable(),
    pointOfSale: z.number(),
    cbteTipo: z.number().nullable(),
    number: z.number().nullable(),
    concept: z.number(),
    receiverDocType: z.number(),
    receiverDocNumber: z.string(),
    receiverIvaCondition: z.number(),
    receiverName: z.string().nullable(),
    issueDate: z.string().nullable(),
    currency: z.string(),
    lines: z.array(
      z.object({ description: z.string(), quantity: z.string(), unitPrice: z.string(), ivaRate: z.string(), lineTotal: z.string().optional() }),
    ),
    total: z.string(),
    netAmount: z.string(),
    exemptAmount: z.string(),
    untaxedAmount: z.string(),
    ivaAmount: z.string(),
    ivaBreakdown: z.array(z.object({ id: z.number(), rate: z.string(), base: z.string(), amount: z.string() })),
    cae: z.string().nullable(),
    caeDueDate: z.string().nullable(),
    observations: z.array(z.object({ code: z.number(), msg: z.string() })),
    errors: z.array(z.object({ code: z.number(), msg: z.string() })),
    lastError: z.string().nullable(),
    attempts: z.number(),
    authType: z.enum(["CAE", "CAEA"]),
    caeaId: z.uuid().nullable(),
    generatedAt: z.date().nullable(),
    reportStatus: z.enum(["PENDING", "REJECTED", "REPORTED"]).nullable(),
    reportErrors: z.array(z.object({ code: z.number(), msg: z.string() })),
    reportedAt: z.date().nullable(),
    reportAttempts: z.number(),
    requestedAt: z.date(),
    sentAt: z.date().nullable(),
    issuedAt: z.date().nullable(),
    updatedAt: z.date(),
  }),
  emitter: z.object({
    cuit: z.string(),
    legalName: z.string(),
    ivaCondition: z.enum(["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO"]),
    address: z.string().nullable(),
    grossIncomeNumber: z.string().nullable(),
    activityStartDate: z.string().nullable(),
  }).nullable(),
  original: z.object({
    id: z.uuid(),
    cbteTipo: z.number().nullable(),
    pointOfSale: z.number(),
    number: z.number().nullable(),
    issueDate: z.string().nullable(),
  }).nullable(),
  attempts: z.array(
    z.object({
      id: z.uuid(),
      operation: z.string(),
      number: z.number().nullable(),
      outcome: z.string(),
      error: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  qr: z.object({ url: z.string(), dataUrl: z.string() }).nullable(),
});
export type TGetDocumentResponse = z.infer<typeof ZGetDocumentResponse>;

export const ZGetDocumentXmlResponse = z.object({ requestXml: z.string().nullable(), responseXml: z.string().nullable() });
export type TGetDocumentXmlResponse = z.infer<typeof ZGetDocumentXmlResponse>;

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
