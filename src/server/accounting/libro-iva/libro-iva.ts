import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { monthBounds } from "../period";
import { comprasAlicuotaRecords, comprasCbteRecord, ventasAlicuotaRecords, ventasCbteRecord } from "./build-records";
import { checkPurchaseDocument, checkSaleDocument, type PrecheckIssue } from "./precheck";
import type { LibroIvaFile } from "./record-design";
import { purchaseDocuments, saleDocuments } from "./source-rows";

export type LibroIvaPrecheck = { month: string; sales: number; purchases: number; issues: PrecheckIssue[]; emitterMissing: boolean };

async function emitter(tx: Tx): Promise<{ exempt: boolean; found: boolean }> {
  const [s] = await tx.execute<{ iva_condition: string }>(sql`select iva_condition from fiscal_settings limit 1`);
  return { exempt: s?.iva_condition === "EXENTO", found: !!s };
}

/** Counts and every problem ARCA's import would reject, for the month (first 500 listed). */
export async function precheckLibroIva(tx: Tx, month: string): Promise<LibroIvaPrecheck> {
  const bounds = monthBounds(month);
  const issues: PrecheckIssue[] = [];
  let sales = 0;
  let purchases = 0;
  for await (const d of saleDocuments(tx, bounds)) {
    sales++;
    if (issues.length < 500) issues.push(...checkSaleDocument(d));
  }
  for await (const d of purchaseDocuments(tx, bounds)) {
    purchases++;
    if (issues.length < 500) issues.push(...checkPurchaseDocument(d));
  }
  const e = await emitter(tx);
  return { month, sales, purchases, issues: issues.slice(0, 500), emitterMissing: !e.found };
}

/** The file's records, one per yield, in ARCA's order. */
export async function* libroIvaLines(tx: Tx, month: string, file: LibroIvaFile): AsyncGenerator<string> {
  const bounds = monthBounds(month);
  // The month's documents are sorted in the accountant's order: in memory, not in temp files.
  await tx.execute(sql`select set_config('work_mem', '32MB', true)`);
  if (file === "VENTAS_CBTE" || file === "VENTAS_ALICUOTAS") {
    const e = await emitter(tx);
    if (!e.found) throw new AppError("INVALID_STATE", "Cargá primero los datos fiscales del negocio (CUIT y condición frente al IVA).");
    if (file === "VENTAS_CBTE") for await (const d of saleDocuments(tx, bounds)) yield ventasCbteRecord(d, e.exempt);
    else for await (const d of saleDocuments(tx, bounds)) yield* ventasAlicuotaRecords(d);
  } else if (file === "COMPRAS_CBTE") {
    for await (const d of purchaseDocuments(tx, bounds)) yield comprasCbteRecord(d);
  } else {
    for await (const d of purchaseDocuments(tx, bounds)) yield* comprasAlicuotaRecords(d);
  }
}

/** ISO-8859-1 bytes with CRLF line ends, as ARCA's importer reads them. */
export async function writeLibroIva(tx: Tx, month: string, file: LibroIvaFile, write: (chunk: Uint8Array) => Promise<void> | void) {
  let buf = "";
  for await (const line of libroIvaLines(tx, month, file)) {
    buf += line + "\r\n";
    if (buf.length > 64 * 1024) {
      await write(Buffer.from(buf, "latin1"));
      buf = "";
    }
  }
  if (buf) await write(Buffer.from(buf, "latin1"));
}
