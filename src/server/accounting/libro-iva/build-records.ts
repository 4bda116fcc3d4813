import { dec, sum } from "@/lib/decimal";
import { discriminatesVat } from "@/lib/accounting/supplier-invoice";
import { formatRecord } from "./format-record";
import { COMPRAS_ALICUOTAS, COMPRAS_CBTE, VENTAS_ALICUOTAS, VENTAS_CBTE } from "./record-design";
import type { PurchaseDocRow, SaleDocRow } from "./source-rows";

// Document rows → fixed-width records (pure, so the golden-file tests exercise exactly this).
//
// Choices where ARCA's design leaves room, written down so the accountant can check them:
// - class C documents and non-A/M purchases (B, C, tiques B) discriminate no IVA: they carry
//   "cantidad de alícuotas" 0 and no alícuota record; "código de operación" is then "E" when
//   the amount is exempt and "N" (no gravado) otherwise; documents with alícuotas use " ".
// - "fecha de vencimiento de pago" is informed only for services (concept 2/3), with the
//   document's date (Mostrador bills services on the day); goods carry zeros.
// - consumidor final without identification: document code 99, number zeros, "CONSUMIDOR FINAL".

const C_TYPES = new Set([11, 12, 13, 15]);
const ymd = (iso: string) => iso.replaceAll("-", "");
const digits = (s: string | null | undefined) => (s ?? "").replace(/\D/g, "");

// One function per file's record: a download needs one kind (a month is ~100,000 documents).

const ventasWithVat = (d: SaleDocRow) => (!C_TYPES.has(d.cbte_tipo) ? d.iva_breakdown : []);

export function ventasCbteRecord(d: SaleDocRow, emitterExempt: boolean): string {
  const withVat = ventasWithVat(d);
  const anonymous = d.receiver_doc_type === 99;
  return formatRecord(VENTAS_CBTE, {
    fecha: ymd(d.issue_date),
    tipo: d.cbte_tipo,
    puntoVenta: d.point_of_sale,
    numero: d.number,
    numeroHasta: d.number,
    docCodigo: d.receiver_doc_type,
    docNumero: anonymous ? "0" : digits(d.receiver_doc_number),
    nombre: (anonymous ? "CONSUMIDOR FINAL" : d.receiver_name || "").toUpperCase(),
    total: d.total,
    noGravado: d.untaxed_amount,
    percNoCategorizados: "0",
    exento: d.exempt_amount,
    percNacionales: "0",
    percIibb: "0",
    percMunicipales: "0",
    internos: "0",
    moneda: d.currency || "PES",
    tipoCambio: "1",
    cantAlicuotas: withVat.length,
    codOperacion: withVat.length ? " " : emitterExempt || dec(d.exempt_amount).gt(0) ? "E" : "N",
    otrosTributos: "0",
    fechaVtoPago: d.concept === 1 ? "0" : ymd(d.issue_date),
  });
}

export function ventasAlicuotaRecords(d: SaleDocRow): string[] {
  return ventasWithVat(d).map((a) =>
    formatRecord(VENTAS_ALICUOTAS, { tipo: d.cbte_tipo, puntoVenta: d.point_of_sale, numero: d.number, neto: a.base, alicuota: a.id, impuesto: a.amount }),
  );
}

const comprasWithVat = (d: PurchaseDocRow) => (discriminatesVat(d.cbte_tipo) ? d.vat : []);

export function comprasCbteRecord(d: PurchaseDocRow): string {
  const withVat = comprasWithVat(d);
  return formatRecord(COMPRAS_CBTE, {
    fecha: ymd(d.issue_date),
    tipo: d.cbte_tipo,
    puntoVenta: d.point_of_sale,
    numero: d.number,
    despacho: "",
    docCodigo: 80,
    docNumero: digits(d.supplier_cuit),
    nombre: d.supplier_name.toUpperCase(),
    total: d.total,
    noGravado: d.non_taxed,
    exento: d.exempt,
    percIva: d.perc_iva,
    percNacionales: d.perc_nacionales,
    percIibb: d.perc_iibb,
    percMunicipales: d.perc_municipales,
    internos: d.internos,
    moneda: "PES",
    tipoCambio: "1",
    cantAlicuotas: withVat.length,
    codOperacion: withVat.length ? " " : dec(d.exempt).gt(0) ? "E" : "N",
    creditoFiscal: withVat.length ? sum(withVat.map((v) => v.vat)).toFixed(2) : "0",
    otrosTributos: d.otros,
    cuitCorredor: "0",
    nombreCorredor: "",
    ivaComision: "0",
  });
}

export function comprasAlicuotaRecords(d: PurchaseDocRow): string[] {
  return comprasWithVat(d).map((v) =>
    formatRecord(COMPRAS_ALICUOTAS, {
      tipo: d.cbte_tipo,
      puntoVenta: d.point_of_sale,
      numero: d.number,
      docCodigo: 80,
      docNumero: digits(d.supplier_cuit),
      neto: String(v.net),
      alicuota: v.alicuotaId,
      impuesto: String(v.vat),
    }),
  );
}
