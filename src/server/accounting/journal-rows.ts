import "server-only";
import { sql } from "drizzle-orm";
import { cursorRows } from "../db/cursor";
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
  COLLECTION: "Cobranza",
  CHARGE: "Cargo en cuenta o habitación",
  CHECKOUT: "Checkout de habitación",
};

type RawRow = {
  entry_date: string; entry_id: string; source_type: string; role: "ORIGINAL" | "REVERSAL"; description: string;
  line_no: number; code: string; name: string; debit: string; credit: string; memo: string | null;
};

/**
 * The lines of one export in a fixed order (date, entry, line), streamed through a cursor so a
 * month of 100,000 documents never sits in memory at once. Same export → same rows, always.
 */
export async function* journalRows(tx: Tx, exportId: string): AsyncGenerator<JournalRow> {
  const rows = cursorRows<RawRow>(
    tx,
    sql`
      select e.entry_date::text as entry_date, e.id as entry_id, e.source_type, e.role, e.description,
             x.n::int as line_no, a.code, a.name, x.l->>'d' as debit, x.l->>'c' as credit, x.l->>'m' as memo
      from journal_entries e
      cross join lateral jsonb_array_elements(e.lines) with ordinality as x(l, n)
      join ledger_accounts a on a.id = (x.l->>'a')::uuid
      where e.export_id = ${exportId}
      order by e.entry_date, e.id, x.n`,
  );
  for await (const batch of rows) {
    for (const r of batch) {
      yield {
        entryDate: r.entry_date, entryId: r.entry_id, sourceType: r.source_type, role: r.role, description: r.description,
        lineNo: r.line_no, accountCode: r.code, accountName: r.name, debit: r.debit, credit: r.credit, memo: r.memo,
      };
    }
  }
}
