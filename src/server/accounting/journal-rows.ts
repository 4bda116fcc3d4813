import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../db/client";

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
  RECEIVABLE_COLLECTION: "Cobranza",
};

const BATCH = 5000;

type RawRow = {
  entry_date: string; entry_id: string; source_type: string; role: "ORIGINAL" | "REVERSAL"; description: string;
  line_no: number; code: string; name: string; debit: string; credit: string; memo: string | null;
};

/**
 * The lines of one export in a fixed order (date, entry, line), read in keyset pages so a
 * month of 100,000 documents never sits in memory at once. Same export → same rows, always.
 */
export async function* journalRows(tx: Tx, exportId: string): AsyncGenerator<JournalRow> {
  let after: { date: string; id: string; line: number } | null = null;
  for (;;) {
    const cursor: SQL = after
      ? sql`and (e.entry_date, e.id, l.line_no) > (${after.date}::date, ${after.id}::uuid, ${after.line}::int)`
      : sql``;
    const rows: RawRow[] = await tx.execute<RawRow>(sql`
      select e.entry_date::text as entry_date, e.id as entry_id, e.source_type, e.role, e.description,
             l.line_no, a.code, a.name, l.debit, l.credit, l.memo
      from journal_entries e
      join journal_lines l on l.entry_id = e.id
      join ledger_accounts a on a.id = l.account_id
      where e.export_id = ${exportId} ${cursor}
      order by e.entry_date, e.id, l.line_no
      limit ${BATCH}`);
    for (const r of rows) {
      yield {
        entryDate: r.entry_date, entryId: r.entry_id, sourceType: r.source_type, role: r.role, description: r.description,
        lineNo: r.line_no, accountCode: r.code, accountName: r.name, debit: r.debit, credit: r.credit, memo: r.memo,
      };
    }
    if (rows.length < BATCH) return;
    const last: RawRow = rows[rows.length - 1]!;
    after = { date: last.entry_date, id: last.entry_id, line: last.line_no };
  }
}
