import "server-only";
import { z } from "zod";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { billingBatches, billingDocuments, type ChargeLine } from "../db/schema/billing";
import { fiscalDocuments, fiscalSettings, type FiscalLine } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";
import { DOC_TIPO, RECEIVER_IVA_CONDITION } from "../afip/codes";
import { normalizeRate } from "../afip/amounts";
import { normalizeCuit } from "@/lib/cuit";
import { prepareDocument } from "../fiscal/prepare-document";
import { pgArray } from "../db/sql-helpers";
import { TENANT } from "../db/current-tenant";
import { money, sum } from "@/lib/decimal";
import { ZCreateBatchInput, type TCreateBatchInput } from "@/lib/schemas/billing";
import { assertBillingPointOfSale } from "./list-billing-points-of-sale";

type PendingRow = {
  id: string;
  customer_id: string;
  total: string;
  lines: ChargeLine[];
  doc_type: "CUIT" | "CUIL" | "DNI" | "PASSPORT";
  doc_number: string;
  name: string;
  iva_condition: keyof typeof RECEIVER_IVA_CONDITION;
  payment_terms_days: number;
};

const DOC_TYPE_TO_AFIP = { CUIT: DOC_TIPO.CUIT, CUIL: DOC_TIPO.CUIL, DNI: DOC_TIPO.DNI, PASSPORT: DOC_TIPO.PASAPORTE } as const;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const ZCreateBatchResponse = z.object({ batchId: z.uuid(), documents: z.number(), created: z.boolean() });
export type TCreateBatchResponse = z.infer<typeof ZCreateBatchResponse>;

/**
 * Creates a billing batch in one short transaction (no network): one PENDING fiscal document
 * per customer with all of that customer's selected pending charges, and the live invoicing
 * rows whose partial unique key lets a charge belong to one live document only — a charge
 * taken by a concurrent batch is skipped here, never invoiced twice. The work itself runs in
 * the Inngest function after commit. Idempotent by the client's batch id.
 */
export async function createBatch(tx: Tx, raw: TCreateBatchInput, actor: { userId: string }) {
  const input = ZCreateBatchInput.parse(raw);
  const [existing] = await tx.execute<{ id: string; total_documents: number }>(sql`select id, total_documents from billing_batches where id = ${input.id}`);
  if (existing) return { batchId: existing.id, documents: existing.total_documents, created: false };

  const [settings] = await tx.select().from(fiscalSettings).limit(1);
  if (!settings) throw new AppError("INVALID_STATE", "Completá los datos fiscales (CUIT y condición de IVA) antes de facturar.");
  await assertBillingPointOfSale(tx, input.pointOfSale);

  // Lock the selected charges (concurrent batch creations wait here, then see them taken).
  const pending = await tx.execute<PendingRow>(sql`
    select ch.id, ch.customer_id, ch.total::text, ch.lines, c.doc_type, c.doc_number, c.name, c.iva_condition, c.payment_terms_days
    from billing_charges ch join customers c on c.id = ch.customer_id
    where ch.status = 'PENDING'
      ${input.customerIds?.length ? sql`and ch.customer_id = any(${pgArray(input.customerIds, "uuid")})` : sql``}
      ${input.chargeIds?.length ? sql`and ch.id = any(${pgArray(input.chargeIds, "uuid")})` : sql``}
      ${input.periodFrom ? sql`and ch.charged_on >= ${input.periodFrom}::date` : sql``}
      ${input.periodTo ? sql`and ch.charged_on <= ${input.periodTo}::date` : sql``}
    order by c.name, ch.charged_on, ch.created_at
    for update of ch`);
  if (pending.length === 0) throw new AppError("VALIDATION", "No hay cargos pendientes de facturar con esa selección.");

  const byCustomer = new Map<string, PendingRow[]>();
  for (const r of pending) byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), r]);

  await tx.insert(billingBatches).values({
    id: input.id,
    pointOfSale: input.pointOfSale,
    issueDate: input.issueDate,
    periodFrom: input.periodFrom ?? null,
    periodTo: input.periodTo ?? null,
    selection: { customerIds: input.customerIds, chargeIds: input.chargeIds },
    totalDocuments: byCustomer.size,
    createdBy: actor.userId,
  });

  const fiscalRows: (typeof fiscalDocuments.$inferInsert)[] = [];
  const docRows: (typeof billingDocuments.$inferInsert)[] = [];
  const items: { documentId: string; chargeId: string }[] = [];
  for (const [customerId, charges] of byCustomer) {
    const c = charges[0]!;
    const lines: FiscalLine[] = charges.flatMap((ch) =>
      ch.lines.map((l) => ({ description: l.description.slice(0, 250), quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: money(l.lineTotal), ivaRate: normalizeRate(l.ivaRate) })),
    );
    const services = charges.flatMap((ch) => ch.lines).filter((l) => l.isService).length;
    const total = money(sum(charges.map((ch) => ch.total)));
    const base = {
      kind: "INVOICE" as const,
      concept: services === 0 ? 1 : services === lines.length ? 2 : 3,
      pointOfSale: input.pointOfSale,
      receiverDocType: DOC_TYPE_TO_AFIP[c.doc_type],
      receiverDocNumber: c.doc_type === "CUIT" || c.doc_type === "CUIL" ? normalizeCuit(c.doc_number) : c.doc_number,
      receiverIvaCondition: RECEIVER_IVA_CONDITION[c.iva_condition],
      receiverName: c.name,
      lines,
      total,
    };
    const fiscalId = randomUUID();
    const documentId = randomUUID();
    fiscalRows.push({ id: fiscalId, ...base, ...prepareDocument(settings, base), issueDate: input.issueDate });
    docRows.push({
      id: documentId,
      batchId: input.id,
      customerId,
      fiscalDocumentId: fiscalId,
      total,
      issueDate: input.issueDate,
      dueDate: addDays(input.issueDate, c.payment_terms_days),
    });
    for (const ch of charges) items.push({ documentId, chargeId: ch.id });
  }
  for (let i = 0; i < fiscalRows.length; i += 500) await tx.insert(fiscalDocuments).values(fiscalRows.slice(i, i + 500));
  for (let i = 0; i < docRows.length; i += 500) await tx.insert(billingDocuments).values(docRows.slice(i, i + 500));

  // The invoicing key: a charge already live in another document is skipped (do nothing).
  const taken = await tx.execute<{ charge_id: string }>(sql`
    insert into billing_document_items (tenant_id, document_id, charge_id)
    select ${TENANT}, d, c from unnest(${pgArray(items.map((i) => i.documentId), "uuid")}, ${pgArray(items.map((i) => i.chargeId), "uuid")}) as u(d, c)
    on conflict (tenant_id, charge_id) where active do nothing
    returning charge_id`);
  if (taken.length !== items.length) {
    // Another batch won some charges between our read and this insert: never happens under the row locks, kept as a guard.
    throw new AppError("CONFLICT", "Algunos cargos ya están en otro lote. Volvé a crear el lote.");
  }
  await tx.execute(sql`update billing_charges set status = 'INVOICING' where id = any(${pgArray(items.map((i) => i.chargeId), "uuid")})`);
  return { batchId: input.id, documents: docRows.length, created: true };
}
