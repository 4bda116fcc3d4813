import { CsvSyntaxError, parseCsv } from "@/lib/csv";
import { barcodeProblem } from "@/lib/barcode";
import { dec } from "@/lib/decimal";
import { parseEsAr, toWire } from "@/lib/number";
import { NUMERIC } from "@/lib/schemas/numeric";

// Supplier price-list CSV → rows and row errors (RFC 4180, every error with its line number
// and field). Pure: the preview and the apply (price-list.ts) run it on the server, where the
// browser has already turned Windows-1252 and XLSX files into this CSV text.

export const MAX_PRICE_LIST_ROWS = 20_000;

const HEADERS: Record<string, "barcode" | "name" | "price" | "unitsPerPack" | "salePrice"> = {
  codigo_barras: "barcode",
  codigo: "barcode",
  ean: "barcode",
  barcode: "barcode",
  nombre: "name",
  descripcion: "name",
  producto: "name",
  name: "name",
  precio: "price",
  precio_costo: "price",
  costo: "price",
  price: "price",
  unidades_por_bulto: "unitsPerPack",
  unidades: "unitsPerPack",
  units_per_pack: "unitsPerPack",
  precio_venta: "salePrice",
  sale_price: "salePrice",
};
const normHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");

export type RowError = { row: number; field: string; message: string };
export type ParsedRow = { row: number; barcode: string; name: string; price: string; unitsPerPack: string; salePrice: string | null };

/**
 * A number in a supplier's list, read as es-AR writes it with the one shared parser: "1.100" is
 * one thousand one hundred, "1.234,56" a decimal, "$ 12" fine, "12.5" refused as ambiguous.
 * Returns the canonical decimal or the parser's message (which shows the reading).
 */
export function readListNumber(raw: string, maxIntegerDigits: number): { ok: true; value: string } | { ok: false; message: string } {
  const r = parseEsAr(raw, { maxIntegerDigits });
  return r.ok ? { ok: true, value: toWire(r.value) } : { ok: false, message: r.message };
}

export function parsePriceList(text: string): { rows: ParsedRow[]; errors: RowError[]; total: number } {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { rows: [], errors: [{ row: e.line, field: "archivo", message: e.message }], total: 0 };
    throw e;
  }
  if (records.length === 0) return { rows: [], errors: [{ row: 1, field: "archivo", message: "El archivo está vacío." }], total: 0 };
  const header = records[0]!.fields.map((h) => HEADERS[normHeader(h)]);
  const col = (k: string) => header.indexOf(k as never);
  const missing = (["barcode", "name", "price", "unitsPerPack"] as const).filter((k) => col(k) === -1);
  if (missing.length) {
    const names = { barcode: "codigo_barras", name: "nombre", price: "precio", unitsPerPack: "unidades_por_bulto" };
    return {
      rows: [],
      errors: [{ row: 1, field: "encabezado", message: `Faltan columnas: ${missing.map((m) => names[m]).join(", ")}.` }],
      total: 0,
    };
  }
  const body = records.slice(1);
  if (body.length > MAX_PRICE_LIST_ROWS)
    return { rows: [], errors: [{ row: 1, field: "archivo", message: `Máximo ${MAX_PRICE_LIST_ROWS.toLocaleString("es-AR")} filas por archivo.` }], total: body.length };
  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  const [ib, inm, ip, iu, is] = [col("barcode"), col("name"), col("price"), col("unitsPerPack"), col("salePrice")];
  for (const rec of body) {
    const f = rec.fields;
    const row = rec.line;
    const rowErrors: RowError[] = [];
    const barcode = (f[ib] ?? "").trim();
    const name = (f[inm] ?? "").trim();
    const price = readListNumber(f[ip] ?? "", NUMERIC.unitPrice.precision - NUMERIC.unitPrice.scale);
    const units = readListNumber(f[iu] ?? "", NUMERIC.quantity.precision - NUMERIC.quantity.scale);
    const saleRaw = is >= 0 ? (f[is] ?? "").trim() : "";
    const sale = saleRaw ? readListNumber(saleRaw, NUMERIC.money.precision - NUMERIC.money.scale) : null;
    // The same check as the product form (lib/barcode.ts): a code accepted here is one the form accepts.
    const barcodeIssue = barcodeProblem(barcode);
    if (barcodeIssue) rowErrors.push({ row, field: "codigo_barras", message: barcodeIssue });
    else if (seen.has(barcode)) rowErrors.push({ row, field: "codigo_barras", message: `Código repetido (ya está en la fila ${seen.get(barcode)})` });
    if (name.length < 2) rowErrors.push({ row, field: "nombre", message: "Falta el nombre" });
    else if (name.length > 160) rowErrors.push({ row, field: "nombre", message: "El nombre supera 160 caracteres" });
    if (!price.ok && (f[ip] ?? "").trim() !== "") rowErrors.push({ row, field: "precio", message: price.message });
    else if (!price.ok || !dec(price.value).gt(0)) rowErrors.push({ row, field: "precio", message: "El precio debe ser un número mayor que cero" });
    if (!units.ok && (f[iu] ?? "").trim() !== "") rowErrors.push({ row, field: "unidades_por_bulto", message: units.message });
    else if (!units.ok || !dec(units.value).gt(0)) rowErrors.push({ row, field: "unidades_por_bulto", message: "Las unidades por bulto deben ser mayores que cero" });
    if (sale && !sale.ok) rowErrors.push({ row, field: "precio_venta", message: sale.message });
    if (!barcodeIssue && !seen.has(barcode)) seen.set(barcode, row);
    if (rowErrors.length || !price.ok || !units.ok) errors.push(...rowErrors);
    else
      rows.push({
        row,
        barcode,
        name,
        // More decimals than the columns keep (a formula's result in Excel) round half up.
        price: dec(price.value).toDecimalPlaces(NUMERIC.unitPrice.scale).toFixed(NUMERIC.unitPrice.scale),
        unitsPerPack: dec(units.value).toDecimalPlaces(NUMERIC.quantity.scale).toFixed(NUMERIC.quantity.scale),
        salePrice: sale?.ok ? dec(sale.value).toDecimalPlaces(NUMERIC.money.scale).toFixed(NUMERIC.money.scale) : null,
      });
  }
  return { rows, errors, total: body.length };
}

