import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";
import { isValidCuit, normalizeCuit } from "@/lib/cuit";
import { dec, money, sum, ZERO } from "@/lib/decimal";
import { formatMoney } from "@/lib/format";
import {
  discriminatesVat,
  SUPPLIER_DOC_TYPES,
  VAT_RATES,
  ZSupplierInvoiceInput,
  type SupplierDocType,
  type TSupplierInvoice,
  type TSupplierInvoiceInput,
} from "@/lib/accounting/supplier-invoice";

export type RecordSupplierInvoiceLink = { supplierId: string; receiptId?: string | null; payableId?: string | null };

/** Largest difference accepted between a printed IVA amount and net × rate (suppliers round per line). */
const VAT_TOLERANCE = dec("0.05");

/** The amounts rules every path shares (the receipt dialog and the by-hand form). Pure. */
export function checkSupplierInvoiceAmounts(v: TSupplierInvoice): { netTaxed: string; vatTotal: string; perceptionsTotal: string } {
  const rates = new Set<string>();
  for (const r of v.vat) {
    if (rates.has(r.rate)) throw new AppError("VALIDATION", `La alícuota ${r.rate.replace(".", ",")} % está repetida.`, { field: "vat" });
    rates.add(r.rate);
  }
  const discriminates = discriminatesVat(v.cbteTipo);
  const label = SUPPLIER_DOC_TYPES[v.cbteTipo as SupplierDocType].label;
  for (const r of v.vat) {
    if (!discriminates && dec(r.vat).gt(0)) {
      throw new AppError("VALIDATION", `En un comprobante «${label}» el IVA no se discrimina: cargá el importe con IVA incluido en el neto.`, { field: "vat" });
    }
    if (discriminates) {
      const expected = dec(r.net).times(r.rate).div(100).toDecimalPlaces(2);
      if (dec(r.vat).minus(expected).abs().gt(VAT_TOLERANCE)) {
        throw new AppError(
          "VALIDATION",
          `El IVA al ${r.rate.replace(".", ",")} % de un neto de ${formatMoney(r.net)} debería ser ${formatMoney(expected)}, no ${formatMoney(r.vat)}.`,
          { field: "vat", rate: r.rate },
        );
      }
    }
  }
  const netTaxed = sum(v.vat.map((r) => r.net));
  const vatTotal = sum(v.vat.map((r) => r.vat));
  const perceptionsTotal = sum(v.perceptions.map((p) => p.amount));
  const computed = netTaxed.plus(vatTotal).plus(v.exempt).plus(v.nonTaxed).plus(perceptionsTotal);
  if (!computed.eq(dec(v.total))) {
    throw new AppError(
      "VALIDATION",
      `Los importes no suman el total: neto ${formatMoney(netTaxed)} + IVA ${formatMoney(vatTotal)} + exento ${formatMoney(v.exempt)} + no gravado ${formatMoney(v.nonTaxed)} + percepciones ${formatMoney(perceptionsTotal)} = ${formatMoney(computed)}, y el total es ${formatMoney(v.total)}.`,
      { field: "total", computed: money(computed), total: money(v.total) },
    );
  }
  if (dec(v.total).lte(ZERO)) throw new AppError("VALIDATION", "El total del comprobante debe ser mayor que cero.", { field: "total" });
  return { netTaxed: money(netTaxed), vatTotal: money(vatTotal), perceptionsTotal: money(perceptionsTotal) };
}

/**
 * Records a supplier's fiscal document in the caller's transaction (the goods receipt calls it
 * inside its own, so receipt, payable and invoice commit together). The database's unique key
 * on (CUIT, type, point of sale, number) refuses the same document twice, also under races.
 */
export async function recordSupplierInvoice(
  tx: Tx,
  raw: TSupplierInvoiceInput,
  link: RecordSupplierInvoiceLink,
  actor: Actor,
): Promise<{ id: string; total: string }> {
  const v = ZSupplierInvoiceInput.parse(raw);
  const [supplier] = await tx.execute<{ name: string; cuit: string }>(sql`select name, cuit from suppliers where id = ${link.supplierId}`);
  if (!supplier) throw new AppError("NOT_FOUND", "El proveedor no existe.", { field: "supplierId" });
  const cuit = normalizeCuit(v.supplierCuit || supplier.cuit);
  if (!isValidCuit(cuit)) throw new AppError("VALIDATION", "El CUIT del comprobante no es válido (revisá el dígito verificador).", { field: "supplierCuit" });
  const totals = checkSupplierInvoiceAmounts(v);
  if (v.expenseAccountId) {
    const [acc] = await tx.execute(sql`select 1 from ledger_accounts where id = ${v.expenseAccountId} and active`);
    if (!acc) throw new AppError("NOT_FOUND", "La cuenta de gasto no existe.", { field: "expenseAccountId" });
  }

  let id: string;
  try {
    const [row] = await tx.execute<{ id: string }>(sql`
      insert into supplier_invoices (tenant_id, supplier_id, payable_id, receipt_id, cbte_tipo, point_of_sale, number, issue_date,
        supplier_cuit, supplier_name, net_taxed, vat_total, exempt, non_taxed, perceptions_total, total, expense_account_id, notes, created_by)
      values (${TENANT}, ${link.supplierId}, ${link.payableId ?? null}, ${link.receiptId ?? null}, ${v.cbteTipo}, ${v.pointOfSale}, ${v.number},
        ${v.issueDate}, ${cuit}, ${supplier.name}, ${totals.netTaxed}, ${totals.vatTotal}, ${money(v.exempt)}, ${money(v.nonTaxed)},
        ${totals.perceptionsTotal}, ${money(v.total)}, ${v.expenseAccountId ?? null}, ${v.notes ?? null}, ${actor.userId})
      returning id`);
    id = row!.id;
  } catch (e) {
    if (isUniqueViolation(e, "supplier_invoices_document_key")) {
      const label = SUPPLIER_DOC_TYPES[v.cbteTipo as SupplierDocType].label;
      throw new AppError(
        "CONFLICT",
        `El comprobante ${label} ${String(v.pointOfSale).padStart(5, "0")}-${String(v.number).padStart(8, "0")} de ese proveedor ya fue registrado.`,
        { field: "number" },
      );
    }
    throw e;
  }
  if (v.vat.length) {
    const rows = sql.join(
      v.vat.map((r) => sql`(${id}::uuid, ${VAT_RATES[r.rate]}::int, ${r.rate}::numeric, ${money(r.net)}::numeric, ${money(r.vat)}::numeric)`),
      sql`, `,
    );
    await tx.execute(sql`
      insert into supplier_invoice_vat (tenant_id, invoice_id, alicuota_id, rate, net, vat)
      select ${TENANT}, x.invoice_id, x.alicuota_id, x.rate, x.net, x.vat from (values ${rows}) as x(invoice_id, alicuota_id, rate, net, vat)`);
  }
  const perceptions = v.perceptions.filter((p) => dec(p.amount).gt(0));
  if (perceptions.length) {
    const rows = sql.join(
      perceptions.map((p, i) => sql`(${id}::uuid, ${i + 1}::int, ${p.kind}::supplier_invoice_perception_kind, ${p.jurisdiction ?? null}::text, ${money(p.amount)}::numeric)`),
      sql`, `,
    );
    await tx.execute(sql`
      insert into supplier_invoice_perceptions (tenant_id, invoice_id, line_no, kind, jurisdiction, amount)
      select ${TENANT}, x.invoice_id, x.line_no, x.kind, x.jurisdiction, x.amount from (values ${rows}) as x(invoice_id, line_no, kind, jurisdiction, amount)`);
  }
  return { id, total: money(v.total) };
}
