import { Decimal } from "@/lib/decimal";

// The count report as CSV for Excel in es-AR: ";" separated, decimal comma, no grouping,
// UTF-8 with BOM so accents survive.

export type ReportLine = {
  productName: string;
  sku: string;
  lotNumber: string | null;
  counted: string | null;
  expected: string | null;
  variance: string | null;
  varianceCost: string | null;
  counters: string[];
  stateLabel: string;
};

const plain = (digits: number) => new Intl.NumberFormat("es-AR", { useGrouping: false, minimumFractionDigits: 0, maximumFractionDigits: digits });
const qtyFmt = plain(3);
const moneyFmt = new Intl.NumberFormat("es-AR", { useGrouping: false, minimumFractionDigits: 2, maximumFractionDigits: 2 });
const cell = (v: string) => (/[";\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const q = (v: string | null) => (v === null ? "" : qtyFmt.format(new Decimal(v).toNumber()));
const m = (v: string | null) => (v === null ? "" : moneyFmt.format(new Decimal(v).toNumber()));

export function countReportCsv(lines: ReportLine[], totals: { shrinkageQty: string; shrinkageCost: string; surplusQty: string; surplusCost: string }): string {
  const rows = [["Producto", "SKU", "Lote", "Contado", "Esperado", "Diferencia", "Diferencia al costo", "Contó", "Estado"]];
  for (const l of lines) {
    rows.push([l.productName, l.sku, l.lotNumber ?? "", q(l.counted), q(l.expected), q(l.variance), m(l.varianceCost), l.counters.join(", "), l.stateLabel]);
  }
  rows.push([]);
  rows.push(["Faltante total", "", "", "", "", q(new Decimal(totals.shrinkageQty).neg().toString()), m(new Decimal(totals.shrinkageCost).neg().toString())]);
  rows.push(["Sobrante total", "", "", "", "", q(totals.surplusQty), m(totals.surplusCost)]);
  return "\ufeff" + rows.map((r) => r.map(cell).join(";")).join("\r\n") + "\r\n";
}
