import "server-only";
import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { fiscalDocuments } from "../db/schema/fiscal";

export const ZListDocumentsInput = z.object({
  status: z.enum(["PENDING", "ISSUED", "REJECTED", "ERROR"]).optional(),
  saleId: z.uuid().optional(),
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type TListDocumentsInput = z.input<typeof ZListDocumentsInput>;

export const ZListDocumentsResponse = z.object({
  rows: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(["INVOICE", "CREDIT_NOTE"]),
      status: z.enum(["PENDING", "ISSUED", "REJECTED", "ERROR"]),
      saleId: z.uuid().nullable(),
      pointOfSale: z.number(),
      cbteTipo: z.number().nullable(),
      number: z.number().nullable(),
      receiverDocType: z.number(),
      receiverDocNumber: z.string(),
      receiverName: z.string().nullable(),
      total: z.string(),
      cae: z.string().nullable(),
      caeDueDate: z.string().nullable(),
      authType: z.enum(["CAE", "CAEA"]),
      reportStatus: z.enum(["PENDING", "REJECTED", "REPORTED"]).nullable(),
      observations: z.array(z.object({ code: z.number(), msg: z.string() })),
      errors: z.array(z.object({ code: z.number(), msg: z.string() })),
      lastError: z.string().nullable(),
      attempts: z.number(),
      requestedAt: z.date(),
      issuedAt: z.date().nullable(),
      environment: z.enum(["HOMOLOGATION", "PRODUCTION", "FAKE"]).nullable(),
    }),
  ),
  total: z.number(),
  byStatus: z.record(z.string(), z.number()),
});
export type TListDocumentsResponse = z.infer<typeof ZListDocumentsResponse>;

export async function listDocuments(tx: Tx, raw: TListDocumentsInput) {
  const input = ZListDocumentsInput.parse(raw);
  const where: SQL[] = [];
  if (input.status) where.push(eq(fiscalDocuments.status, input.status));
  if (input.saleId) where.push(eq(fiscalDocuments.saleId, input.saleId));
  const cond = where.length ? and(...where) : undefined;
  const rows = await tx
    .select({
      id: fiscalDocuments.id,
      kind: fiscalDocuments.kind,
      status: fiscalDocuments.status,
      saleId: fiscalDocuments.saleId,
      pointOfSale: fiscalDocuments.pointOfSale,
      cbteTipo: fiscalDocuments.cbteTipo,
      number: fiscalDocuments.number,
      receiverDocType: fiscalDocuments.receiverDocType,
      receiverDocNumber: fiscalDocuments.receiverDocNumber,
      receiverName: fiscalDocuments.receiverName,
      total: fiscalDocuments.total,
      cae: fiscalDocuments.cae,
      caeDueDate: fiscalDocuments.caeDueDate,
      authType: fiscalDocuments.authType,
      reportStatus: fiscalDocuments.reportStatus,
      observations: fiscalDocuments.observations,
      errors: fiscalDocuments.errors,
      lastError: fiscalDocuments.lastError,
      attempts: fiscalDocuments.attempts,
      requestedAt: fiscalDocuments.requestedAt,
      issuedAt: fiscalDocuments.issuedAt,
      environment: fiscalDocuments.environment,
    })
    .from(fiscalDocuments)
    .where(cond)
    .orderBy(desc(fiscalDocuments.requestedAt))
    .limit(input.pageSize)
    .offset(input.page * input.pageSize);
  const [c] = await tx.select({ n: count() }).from(fiscalDocuments).where(cond);
  const byStatus = await tx.select({ status: fiscalDocuments.status, n: count() }).from(fiscalDocuments).groupBy(fiscalDocuments.status);
  return { rows, total: c?.n ?? 0, byStatus: Object.fromEntries(byStatus.map((s) => [s.status, s.n])) as Record<string, number> };
}
