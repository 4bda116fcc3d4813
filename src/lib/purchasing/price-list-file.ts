import { toWire } from "../number";
import { looksLikeZip, readXlsxFirstSheet, XlsxReadError, type XlsxCellValue } from "../xlsx-read";

// What a supplier's price-list file becomes before it is validated: CSV text. Excel in es-AR
// saves "CSV" in Windows-1252 (ñ, á, º as single bytes that are not valid UTF-8), and many
// suppliers send .xlsx: both are turned here, in the browser, into the same CSV text the server
// reads with the one es-AR number parser.

/** Largest file accepted for upload (checked before reading it). */
export const MAX_PRICE_LIST_FILE_BYTES = 5 * 1024 * 1024;

export type PriceListFileFormat = "csv-utf8" | "csv-windows-1252" | "xlsx";
export type PriceListFile = { ok: true; csv: string; format: PriceListFileFormat } | { ok: false; message: string };

// Windows-1252's 0x80–0x9F (€, ‚, ƒ, „, …, †, ‡, ˆ, ‰, Š, ‹, Œ, Ž, ‘, ’, “, ”, •, –, —, ˜, ™, š, ›, œ, ž, Ÿ).
// Browsers decode them, but a runtime built without full ICU (some Node builds) decodes
// "windows-1252" as Latin-1 and leaves C1 control characters: map those the same way.
const CP1252_C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), else Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; format: "csv-utf8" | "csv-windows-1252" } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), format: "csv-utf8" };
  } catch {
    const text = new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
    return { text, format: "csv-windows-1252" };
  }
}

const quote = (s: string) => (/[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * A numeric cell as es-AR text without thousands dots, so a barcode stored as a number stays
 * its digits ("7791234567890") and 1100.5 is read back as 1100,5 by the price-list parser.
 */
function numberCell(canonical: string): string {
  let wire: string;
  try {
    wire = toWire(canonical);
  } catch {
    return canonical;
  }
  const [int, frac] = wire.split(".");
  return frac ? `${int},${frac}` : int!;
}

const cellText = (c: XlsxCellValue) => (typeof c === "string" ? quote(c) : numberCell(c.number));

/** The first sheet as ";"-separated CSV; sheet row N is CSV line N, so errors name the sheet row. */
export async function xlsxToCsv(bytes: Uint8Array): Promise<string> {
  const rows = await readXlsxFirstSheet(bytes);
  const lines: string[] = [];
  for (const r of rows) {
    while (lines.length < r.row - 1) lines.push("");
    lines[r.row - 1] = r.cells.map(cellText).join(";");
  }
  return lines.join("\r\n");
}

export async function readPriceListFile(name: string, bytes: Uint8Array): Promise<PriceListFile> {
  if (bytes.length > MAX_PRICE_LIST_FILE_BYTES) {
    return { ok: false, message: `El archivo pesa más de ${MAX_PRICE_LIST_FILE_BYTES / 1024 / 1024} MB: dividilo en partes.` };
  }
  if (looksLikeZip(bytes)) {
    try {
      return { ok: true, csv: await xlsxToCsv(bytes), format: "xlsx" };
    } catch (e) {
      if (e instanceof XlsxReadError) return { ok: false, message: e.message };
      throw e;
    }
  }
  if (/\.xls$/i.test(name)) return { ok: false, message: "Los archivos .xls (Excel 97-2003) no se pueden leer: guardalo como .xlsx o .csv." };
  const { text, format } = decodeCsvBytes(bytes);
  return { ok: true, csv: text, format };
}
