import "server-only";
import { sql } from "drizzle-orm";
import { cursorRows } from "../db/cursor";
import type { Tx } from "../db/client";
import type { JournalLineJson } from "../db/schema/accounting";
import { memberOf } from "./export-membership";

export type JournalRow = {
  entryDate: string;
  entryId: string;
  sourceType: string;
  role: "ORIGINAL" | "REVERSAL";
  description: string;
  lineNo: number;
  accountCode: string;
  accountName: string;
  debit: string;
  credit: string;
  memo: string | null;
};

export const SOURCE_LABELS: Record<string, string> = {
  SALE: "Venta",
  CASH_CLOSING: "Cierre de caja",
  SUPPLIER_INVOICE: "Comprobante de proveedor",
  GOODS_RECEIPT: "Recepción de mercadería",
  PAYABLE_PAYMENT: "Pago a proveedor",
  STOCK_ADJUSTMENT: "Ajuste de inventario",
  COLLECTION: "Cobranza",
  CHARGE: "Cargo en cuenta o habitación",
  CHECKOUT: "Checkout de habitación",
};

type RawEntry = { entry_date: string; entry_id: string; source_type: string; role: "ORIGINAL" | "REVERSAL"; description: string; lines: JournalLineJson[] };

/**
 * The lines of one export in a fixed order (date, entry, line), in batches, streamed through a
 * cursor so a month of 100,000 documents never sits in memory at once. Same export → same rows,
 * always. PostgreSQL sends one row per ENTRY (its lines as they are stored) and the lines are
 * expanded here against the chart read once: a month is ~100,000 rows sorted and sent instead
 * of ~700,000 unnested, joined and sorted lines. A line whose account is missing is left out,
 * as the join did before.
 */
export async function* journalRowBatches(tx: Tx, exportId: string): AsyncGenerator<JournalRow[]> {
  const accounts = new Map(
    (await tx.execute<{ id: string; code: string; name: string }>(sql`select id, code, name from ledger_accounts`)).map((a) => [a.id, a] as const),
  );
  const [exp] = await tx.execute<{ number: number; seq_hi: string | null; period_to: string }>(sql`
    select number, seq_hi::text as seq_hi, period_to::text as period_to from accounting_exports where id = ${exportId}`);
  if (!exp) return;
  const members = exp.seq_hi === null ? sql`e.export_id = ${exportId}` : memberOf({ number: exp.number, seqHi: exp.seq_hi, periodTo: exp.period_to });
  const entries = cursorRows<RawEntry>(
    tx,
    sql`
      select e.entry_date::text as entry_date, e.id as entry_id, e.source_type, e.role, e.description, e.lines
      from journal_entries e
      where ${members}
      order by e.entry_date, e.id`,
    1000,
  );
  for await (const batch of entries) {
    const out: JournalRow[] = [];
    for (const e of batch) {
      const lines = typeof e.lines === "string" ? (JSON.parse(e.lines) as JournalLineJson[]) : e.lines;
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i]!;
        const a = accounts.get(l.a);
        if (!a) continue;
        out.push({
          entryDate: e.entry_date, entryId: e.entry_id, sourceType: e.source_type, role: e.role, description: e.description,
          lineNo: i + 1, accountCode: a.code, accountName: a.name, debit: l.d, credit: l.c, memo: l.m ?? null,
        });
      }
    }
    yield out;
  }
}

/** The same rows one by one. */
export async function* journalRows(tx: Tx, exportId: string): AsyncGenerator<JournalRow> {
  for await (const batch of journalRowBatches(tx, exportId)) yield* batch;
}
