import { dec, sum } from "@/lib/decimal";
import { discriminatesVat, SUPPLIER_DOC_TYPES, type SupplierDocType } from "@/lib/accounting/supplier-invoice";
import { isValidCuit } from "@/lib/cuit";
import type { PurchaseDocRow, SaleDocRow } from "./source-rows";

// What ARCA's import would reject, found before the download (pure checks per document).

export type PrecheckIssue = { book: "VENTAS" | "COMPRAS"; documentId: string; document: string; problem: string };

const A_TYPES = new Set([1, 2, 3]);
const C_TYPES = new Set([11, 12, 13, 15]);
const label = (tipo: number, pv: number, n: string) => `${tipo} ${String(pv).padStart(5, "0")}-${String(n).padStart(8, "0")}`;

export function checkSaleDocument(d: SaleDocRow): PrecheckIssue[] {
  const issues: string[] = [];
  if (d.receiver_doc_type === 80 && !isValidCuit(d.receiver_doc_number)) issues.push("el CUIT del cliente no es válido");
  if (A_TYPES.has(d.cbte_tipo) && d.receiver_doc_type !== 80) issues.push("una factura A necesita el CUIT del cliente");
  if (d.receiver_doc_type !== 99 && !(d.receiver_name ?? "").trim()) issues.push("falta el nombre del cliente");
  const components = dec(d.net_amount).plus(d.iva_amount).plus(d.exempt_amount).plus(d.untaxed_amount);
  if (!components.eq(dec(d.total))) issues.push(`los importes no suman el total (${components.toFixed(2)} ≠ ${dec(d.total).toFixed(2)})`);
  if (!C_TYPES.has(d.cbte_tipo)) {
    if (!d.iva_breakdown.length) issues.push("no tiene ninguna alícuota de IVA");
    else {
      if (!sum(d.iva_breakdown.map((a) => a.base)).eq(dec(d.net_amount))) issues.push("el neto de las alícuotas no coincide con el neto gravado");
      if (!sum(d.iva_breakdown.map((a) => a.amount)).eq(dec(d.iva_amount))) issues.push("el IVA de las alícuotas no coincide con el IVA total");
      if (d.iva_breakdown.length > 9) issues.push("tiene más de 9 alícuotas");
    }
  }
  return issues.map((problem) => ({ book: "VENTAS", documentId: d.id, document: label(d.cbte_tipo, d.point_of_sale, d.number), problem }));
}

export function checkPurchaseDocument(d: PurchaseDocRow): PrecheckIssue[] {
  const issues: string[] = [];
  if (!isValidCuit(d.supplier_cuit)) issues.push("el CUIT del proveedor no es válido");
  if (!(d.cbte_tipo in SUPPLIER_DOC_TYPES)) issues.push("tipo de comprobante no admitido");
  const perceptions = [d.perc_iva, d.perc_nacionales, d.perc_iibb, d.perc_municipales, d.internos, d.otros];
  const components = dec(d.net_taxed).plus(d.vat_total).plus(d.exempt).plus(d.non_taxed).plus(sum(perceptions));
  if (!components.eq(dec(d.total))) issues.push(`los importes no suman el total (${components.toFixed(2)} ≠ ${dec(d.total).toFixed(2)})`);
  if (discriminatesVat(d.cbte_tipo) && dec(d.net_taxed).gt(0) && !d.vat.length) issues.push("no tiene ninguna alícuota de IVA");
  if (!d.supplier_name.trim()) issues.push("falta el nombre del proveedor");
  const doc = `${SUPPLIER_DOC_TYPES[d.cbte_tipo as SupplierDocType]?.label ?? d.cbte_tipo} ${String(d.point_of_sale).padStart(5, "0")}-${String(d.number).padStart(8, "0")}`;
  return issues.map((problem) => ({ book: "COMPRAS", documentId: d.id, document: `${doc} (${d.supplier_name})`, problem }));
}
