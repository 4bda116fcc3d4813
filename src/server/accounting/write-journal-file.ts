import "server-only";
import type { Tx } from "../db/client";
import { journalRowBatches, SOURCE_LABELS, type JournalRow } from "./journal-rows";
import { writeXlsxBatches, type XlsxCell } from "../export/xlsx-stream";

// One row per entry line, in CSV (es-AR Excel: ";" separated, decimal comma, dd/mm/aaaa,
// UTF-8 with BOM) or XLSX (numbers as numbers). Both stream.

export const JOURNAL_HEADER = ["Exportación", "Fecha", "Asiento", "Origen", "Descripción", "Línea", "Cuenta", "Nombre de la cuenta", "Debe", "Haber", "Detalle"];

const ddmmyyyy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const origin = (r: JournalRow) => `${SOURCE_LABELS[r.sourceType] ?? r.sourceType}${r.role === "REVERSAL" ? " (reversión)" : ""}`;

const NEEDS_QUOTES = /[";\r\n]/;
const csvField = (v: string) => (NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
/** "1234.50" → "1234,50": the machine-readable es-AR form (no thousands separator). */
const csvAmount = (v: string) => v.replace(".", ",");

export async function writeJournalCsv(tx: Tx, exportId: string, exportNumber: number, write: (chunk: Uint8Array) => Promise<void> | void) {
  const enc = new TextEncoder();
  let buf = "\uFEFF" + JOURNAL_HEADER.join(";") + "\r\n";
  const exp = String(exportNumber);
  for await (const batch of journalRowBatches(tx, exportId)) {
    for (const r of batch) {
      buf += `${exp};${ddmmyyyy(r.entryDate)};${r.entryId};${origin(r)};${csvField(r.description)};${r.lineNo};${r.accountCode};${csvField(r.accountName)};${csvAmount(r.debit)};${csvAmount(r.credit)};${csvField(r.memo ?? "")}\r\n`;
    }
    if (buf.length > 64 * 1024) {
      await write(enc.encode(buf));
      buf = "";
    }
  }
  await write(enc.encode(buf));
}

export async function writeJournalXlsx(tx: Tx, exportId: string, exportNumber: number, write: (chunk: Uint8Array) => Promise<void> | void) {
  async function* batches(): AsyncGenerator<XlsxCell[][]> {
    yield [JOURNAL_HEADER];
    for await (const batch of journalRowBatches(tx, exportId)) {
      yield batch.map((r) => [
        exportNumber, ddmmyyyy(r.entryDate), r.entryId, origin(r), r.description, r.lineNo, r.accountCode, r.accountName,
        { decimal: r.debit }, { decimal: r.credit }, r.memo ?? "",
      ]);
    }
  }
  await writeXlsxBatches(`Asientos ${exportNumber}`, batches(), write, { large: true });
}
