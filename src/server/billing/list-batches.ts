import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { isoTs } from "../purchasing/common";

export type BatchRow = {
  id: string;
  status: "PENDING_PROCESSING" | "IN_PROCESS" | "PROCESSED" | "PROCESSED_WITH_ERRORS" | "ERROR" | "CANCELLED";
  pointOfSale: number;
  issueDate: string;
  periodFrom: string | null;
  periodTo: string | null;
  total: number;
  issued: number;
  errors: number;
  cancelled: number;
  amount: string;
  createdAt: string;
  finishedAt: string | null;
  lastError: string | null;
};

const batchSelect = sql`
  select b.id, b.status, b.point_of_sale as "pointOfSale", b.issue_date::text as "issueDate", b.period_from::text as "periodFrom", b.period_to::text as "periodTo",
    count(d.id)::int as total,
    count(d.id) filter (where d.status = 'ISSUED')::int as issued,
    count(d.id) filter (where d.status = 'ERROR')::int as errors,
    count(d.id) filter (where d.status = 'CANCELLED')::int as cancelled,
    coalesce(sum(d.total) filter (where d.status <> 'CANCELLED'), 0)::numeric(14,2)::text as amount,
    ${isoTs(sql`b.created_at`)} as "createdAt", ${isoTs(sql`b.finished_at`)} as "finishedAt", b.last_error as "lastError"
  from billing_batches b left join billing_documents d on d.batch_id = b.id`;

const ZBatchRow = z.object({
  id: z.uuid(),
  status: z.enum(["ERROR", "CANCELLED", "PENDING_PROCESSING", "IN_PROCESS", "PROCESSED", "PROCESSED_WITH_ERRORS"]),
  pointOfSale: z.number(),
  issueDate: z.string(),
  periodFrom: z.string().nullable(),
  periodTo: z.string().nullable(),
  total: z.number(),
  issued: z.number(),
  errors: z.number(),
  cancelled: z.number(),
  amount: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

export const ZListBatchesResponse = z.array(ZBatchRow);
export type TListBatchesResponse = z.infer<typeof ZListBatchesResponse>;

export const ZGetBatchResponse = z.object({
  batch: ZBatchRow,
  documents: z.array(
    z.object({
      id: z.uuid(),
      customerId: z.uuid(),
      customerName: z.string(),
      status: z.enum(["ISSUED", "ERROR", "CANCELLED", "QUEUED", "PROCESSING"]),
      total: z.string(),
      attempts: z.number(),
      lastError: z.string().nullable(),
      fiscalDocumentId: z.uuid(),
      cbteTipo: z.number().nullable(),
      pointOfSale: z.number(),
      number: z.number().nullable(),
      cae: z.string().nullable(),
    }),
  ),
});
export type TGetBatchResponse = z.infer<typeof ZGetBatchResponse>;

export async function listBatches(tx: Tx) {
  return [...(await tx.execute<BatchRow>(sql`${batchSelect} group by b.tenant_id, b.id order by b.created_at desc limit 100`))];
}

export type BatchDocumentRow = {
  id: string;
  customerId: string;
  customerName: string;
  status: "QUEUED" | "PROCESSING" | "ISSUED" | "ERROR" | "CANCELLED";
  total: string;
  attempts: number;
  lastError: string | null;
  fiscalDocumentId: string;
  cbteTipo: number | null;
  pointOfSale: number;
  number: number | null;
  cae: string | null;
};

/** A batch with its progress (done / total) and each document's state and ARCA's messages. */
export async function getBatch(tx: Tx, id: string) {
  const [batch] = await tx.execute<BatchRow>(sql`${batchSelect} where b.id = ${id} group by b.tenant_id, b.id`);
  if (!batch) throw new AppError("NOT_FOUND", "El lote no existe.");
  const documents = await tx.execute<BatchDocumentRow>(sql`
    select d.id, d.customer_id as "customerId", c.name as "customerName", d.status, d.total::text, d.attempts, d.last_error as "lastError",
      d.fiscal_document_id as "fiscalDocumentId", f.cbte_tipo as "cbteTipo", coalesce(f.point_of_sale, 0) as "pointOfSale", f.number::int as number, f.cae
    from billing_documents d join customers c on c.id = d.customer_id left join fiscal_documents f on f.id = d.fiscal_document_id
    where d.batch_id = ${id}
    order by (d.status = 'ERROR') desc, c.name limit 5000`);
  return { batch, documents: [...documents] };
}
