// Report exports built in the browser from the rows on screen: CSV for Excel in es-AR
// (";" separated, decimal comma, UTF-8 BOM) and XLSX with real numeric cells.
import { buildXlsx, type XlsxCell } from "./xlsx";

export type ExportColumn = { label: string; kind: "text" | "money" | "qty" | "int" | "pct" };
export type ExportValue = string | number | null;

const csvField = (s: string) => (/[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A decimal string as es-AR writes it in a spreadsheet cell: no thousands separator, decimal comma. */
const decimalComma = (v: string) => v.replace(".", ",");

export function toCsv(columns: ExportColumn[], rows: ExportValue[][]): string {
  const lines = [columns.map((c) => csvField(c.label)).join(";")];
  for (const r of rows) {
    lines.push(
      r
        .map((v, i) => {
          if (v === null || v === undefined) return "";
          return columns[i]!.kind === "text" ? csvField(String(v)) : decimalComma(String(v));
        })
        .join(";"),
    );
  }
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

export function toXlsx(sheet: string, columns: ExportColumn[], rows: ExportValue[][]): Uint8Array {
  const cells: XlsxCell[][] = rows.map((r) => r.map((v, i) => (v === null ? null : columns[i]!.kind === "text" ? String(v) : Number(v))));
  return buildXlsx(sheet, columns.map((c) => c.label), cells);
}

/** Starts a download of bytes or text in the browser. */
export function download(filename: string, content: string | Uint8Array, type: string) {
  const part: BlobPart = typeof content === "string" ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
