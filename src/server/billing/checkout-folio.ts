import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { cashMovements } from "../db/schema/pos";
import { fiscalDocuments, fiscalSettings, type FiscalLine } from "../db/schema/fiscal";
import { AppError } from "../errors/app-error";
import { DOC_TIPO, RECEIVER_IVA_CONDITION } from "../afip/codes";
import { normalizeRate } from "../afip/amounts";
import { normalizeCuit } from "@/lib/cuit";
import { prepareDocument } from "../fiscal/prepare-document";
import { applyPayments } from "../pos/create-sale";
import { Decimal, money, sum } from "@/lib/decimal";
import { ZSalePaymentInput } from "@/lib/schemas/sale";
import type { ChargeLine } from "../db/schema/billing";

export const ZCheckoutFolioInput = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("PAY"), folioId: z.uuid(), cashSessionId: z.uuid(), payments: z.array(ZSalePaymentInput).min(1, "Falta el pago").max(10) }),
  z.object({ mode: z.literal("ACCOUNT"), folioId: z.uuid() }),
]);
export type TCheckoutFolioInput = z.infer<typeof ZCheckoutFolioInput>;

type FolioRow = { id: string; status: string; room_number: string; guest_name: string; guest_doc_number: string | null; customer_id: string | null };
type Customer = { name: string; doc_type: "CUIT" | "CUIL" | "DNI" | "PASSPORT"; doc_number: string; iva_condition: keyof typeof RECEIVER_IVA_CONDITION; account_enabled: boolean; active: boolean };

/** Paid at the desk: the change and the invoice requested; to the account: nothing to hand back. */
export const ZCheckoutFolioResponse = z.discriminatedUnion("status", [
  z.object({ folioId: z.uuid(), status: z.literal("CLOSED_ACCOUNT"), total: z.string(), fiscalDocumentId: z.null() }),
  z.object({ folioId: z.uuid(), status: z.literal("CLOSED_PAID"), total: z.string(), change: z.string(), fiscalDocumentId: z.uuid().nullable() }),
]);
export type TCheckoutFolioResponse = z.infer<typeof ZCheckoutFolioResponse>;

/**
 * Closes a folio at checkout, in one transaction:
 * - PAY: the guest pays at the desk; money enters the cash session and one invoice for every
 *   charge is requested now (issued by the fiscal worker after commit, like a POS sale);
 * - ACCOUNT: the charges become pending billables of the folio's company, invoiced by a batch.
 */
export async function checkoutFolio(tx: Tx, raw: z.input<typeof ZCheckoutFolioInput>, actor: { userId: string }) {
  const input = ZCheckoutFolioInput.parse(raw);
  const [f] = await tx.execute<FolioRow>(sql`select id, status, room_number, guest_name, guest_doc_number, customer_id from folios where id = ${input.folioId} for update`);
  if (!f) throw new AppError("NOT_FOUND", "El folio no existe.");
  if (f.status !== "OPEN") throw new AppError("INVALID_STATE", `El folio de la habitación ${f.room_number} ya está cerrado.`);
  const charges = await tx.execute<{ id: string; total: string; lines: ChargeLine[] }>(
    sql`select id, total::text, lines from billing_charges where folio_id = ${f.id} and status = 'ON_FOLIO' order by created_at for update`,
  );
  const total = sum(charges.map((c) => c.total));
  const [customer] = f.customer_id
    ? await tx.execute<Customer>(sql`select name, doc_type, doc_number, iva_condition, account_enabled, active from customers where id = ${f.customer_id}`)
    : [];

  if (input.mode === "ACCOUNT") {
    if (!customer) throw new AppError("VALIDATION", "El folio no tiene empresa a facturar: elegila o cobrá en el mostrador.");
    if (!customer.active || !customer.account_enabled) throw new AppError("INVALID_STATE", `${customer.name} no tiene cuenta corriente habilitada.`);
    await tx.execute(sql`update billing_charges set status = 'PENDING', customer_id = ${f.customer_id}, changed_by = ${actor.userId}, changed_at = now()
      where folio_id = ${f.id} and status = 'ON_FOLIO'`);
    await tx.execute(sql`update folios set status = 'CLOSED_ACCOUNT', closed_by = ${actor.userId}, closed_at = now() where id = ${f.id}`);
    return { folioId: f.id, status: "CLOSED_ACCOUNT" as const, total: money(total), fiscalDocumentId: null };
  }

  const [session] = await tx.execute<{ id: string; status: string; fiscal_enabled: boolean; afip_point_of_sale: number; register_id: string }>(sql`
    select s.id, s.status, r.fiscal_enabled, r.afip_point_of_sale, r.id as register_id
    from cash_sessions s join registers r on r.id = s.register_id where s.id = ${input.cashSessionId} for share of s`);
  if (!session || session.status !== "OPEN") throw new AppError("INVALID_STATE", "Abrí una sesión de caja para cobrar el checkout.");
  const payments = applyPayments(input.payments, total);

  let fiscalDocumentId: string | null = null;
  const [settings] = await tx.select().from(fiscalSettings).limit(1);
  if (session.fiscal_enabled && charges.length > 0) {
    const lines: FiscalLine[] = charges.flatMap((c) =>
      c.lines.map((l) => ({ description: l.description.slice(0, 250), quantity: l.quantity, unitPrice: l.unitPrice, lineTotal: money(l.lineTotal), ivaRate: normalizeRate(l.ivaRate) })),
    );
    const services = charges.flatMap((c) => c.lines).filter((l) => l.isService).length;
    const receiver = customer
      ? {
          receiverDocType: { CUIT: DOC_TIPO.CUIT, CUIL: DOC_TIPO.CUIL, DNI: DOC_TIPO.DNI, PASSPORT: DOC_TIPO.PASAPORTE }[customer.doc_type],
          receiverDocNumber: customer.doc_type === "CUIT" || customer.doc_type === "CUIL" ? normalizeCuit(customer.doc_number) : customer.doc_number,
          receiverIvaCondition: RECEIVER_IVA_CONDITION[customer.iva_condition],
          receiverName: customer.name,
        }
      : f.guest_doc_number && /^\d{7,8}$/.test(f.guest_doc_number)
        ? { receiverDocType: DOC_TIPO.DNI, receiverDocNumber: f.guest_doc_number, receiverIvaCondition: RECEIVER_IVA_CONDITION.CONSUMIDOR_FINAL, receiverName: f.guest_name }
        : { receiverDocType: DOC_TIPO.CONSUMIDOR_FINAL, receiverDocNumber: "0", receiverIvaCondition: RECEIVER_IVA_CONDITION.CONSUMIDOR_FINAL, receiverName: f.guest_name };
    const base = {
      kind: "INVOICE" as const,
      concept: services === 0 ? 1 : services === lines.length ? 2 : 3,
      registerId: session.register_id,
      pointOfSale: session.afip_point_of_sale,
      ...receiver,
      lines,
      total: money(total),
    };
    fiscalDocumentId = randomUUID();
    await tx.insert(fiscalDocuments).values({ id: fiscalDocumentId, ...base, ...(settings ? prepareDocument(settings, base) : {}) });
  }
  const perMethod = new Map<string, Decimal>();
  for (const p of payments.rows) perMethod.set(p.method, (perMethod.get(p.method) ?? new Decimal(0)).plus(p.applied));
  const moves = [...perMethod].filter(([, a]) => !a.isZero());
  if (moves.length) {
    await tx.insert(cashMovements).values(
      moves.map(([method, amount]) => ({
        cashSessionId: session.id,
        type: "MANUAL_IN" as const,
        method: method as "CASH",
        amount: amount.toFixed(2),
        reason: `Checkout folio hab. ${f.room_number} (${f.guest_name})`.slice(0, 200),
        createdBy: actor.userId,
      })),
    );
  }
  await tx.execute(sql`update billing_charges set status = 'PAID_AT_CHECKOUT', changed_by = ${actor.userId}, changed_at = now()
    where folio_id = ${f.id} and status = 'ON_FOLIO'`);
  await tx.execute(sql`update folios set status = 'CLOSED_PAID', closed_by = ${actor.userId}, closed_at = now(), checkout_document_id = ${fiscalDocumentId}::uuid where id = ${f.id}`);
  return { folioId: f.id, status: "CLOSED_PAID" as const, total: money(total), change: payments.change.toFixed(2), fiscalDocumentId };
}
