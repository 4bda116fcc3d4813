import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../../db/client";

// The month's documents for the VAT books, read in keyset pages (bounded memory) in the order
// the accountant expects: date, type, point of sale, number.

const PAGE = 5000;

export type SaleDocRow = {
  id: string; issue_date: string; cbte_tipo: number; point_of_sale: number; number: string; concept: number;
  receiver_doc_type: number; receiver_doc_number: string; receiver_name: string | null;
  total: string; net_amount: string; iva_amount: string; exempt_amount: string; untaxed_amount: string; currency: string;
  iva_breakdown: { id: number; rate: string; base: string; amount: string }[];
};

export type PurchaseDocRow = {
  id: string; issue_date: string; cbte_tipo: number; point_of_sale: number; number: string; supplier_cuit: string; supplier_name: string;
  total: string; net_taxed: string; vat_total: string; exempt: string; non_taxed: string;
  perc_iva: string; perc_nacionales: string; perc_iibb: string; perc_municipales: string; internos: string; otros: string;
  vat: { alicuotaId: number; rate: string; net: string; vat: string }[];
};

type Key = { d: string; t: number; p: number; n: string; id: string };

async function* paged<T extends { id: string; issue_date: string; cbte_tipo: number; point_of_sale: number; number: string }>(
  tx: Tx,
  page: (after: SQL) => SQL,
  keyColumns: SQL,
): AsyncGenerator<T> {
  let after: Key | null = null;
  for (;;) {
    const cond: SQL = after
      ? sql`and ${keyColumns} > (${after.d}::date, ${after.t}::int, ${after.p}::int, ${after.n}::bigint, ${after.id}::uuid)`
      : sql``;
    const rows = (await tx.execute(sql`${page(cond)} limit ${PAGE}`)) as unknown as T[];
    for (const r of rows) yield r;
    if (rows.length < PAGE) return;
    const l: T = rows[rows.length - 1]!;
    after = { d: l.issue_date, t: l.cbte_tipo, p: l.point_of_sale, n: String(l.number), id: l.id };
  }
}

export function saleDocuments(tx: Tx, month: { from: string; to: string }): AsyncGenerator<SaleDocRow> {
  return paged<SaleDocRow>(
    tx,
    (after) => sql`
      select d.id, d.issue_date::text as issue_date, d.cbte_tipo, d.point_of_sale, d.number::text as number, d.concept,
             d.receiver_doc_type, d.receiver_doc_number, d.receiver_name, d.total, d.net_amount, d.iva_amount,
             d.exempt_amount, d.untaxed_amount, d.currency, d.iva_breakdown
      from fiscal_documents d
      where d.status = 'ISSUED' and d.number is not null and d.cbte_tipo is not null
        and d.issue_date between ${month.from}::date and ${month.to}::date ${after}
      order by d.issue_date, d.cbte_tipo, d.point_of_sale, d.number, d.id`,
    sql`(d.issue_date, d.cbte_tipo, d.point_of_sale, d.number, d.id)`,
  );
}

export function purchaseDocuments(tx: Tx, month: { from: string; to: string }): AsyncGenerator<PurchaseDocRow> {
  return paged<PurchaseDocRow>(
    tx,
    (after) => sql`
      select i.id, i.issue_date::text as issue_date, i.cbte_tipo, i.point_of_sale, i.number::text as number, i.supplier_cuit, i.supplier_name,
             i.total, i.net_taxed, i.vat_total, i.exempt, i.non_taxed,
             coalesce(p.iva, 0)::text as perc_iva, coalesce(p.nacionales, 0)::text as perc_nacionales, coalesce(p.iibb, 0)::text as perc_iibb,
             coalesce(p.municipales, 0)::text as perc_municipales, coalesce(p.internos, 0)::text as internos, coalesce(p.otros, 0)::text as otros,
             coalesce((select jsonb_agg(jsonb_build_object('alicuotaId', v.alicuota_id, 'rate', v.rate, 'net', v.net, 'vat', v.vat) order by v.alicuota_id)
                       from supplier_invoice_vat v where v.invoice_id = i.id), '[]'::jsonb) as vat
      from supplier_invoices i
      left join lateral (
        select sum(amount) filter (where kind = 'IVA') as iva, sum(amount) filter (where kind = 'NATIONAL') as nacionales,
               sum(amount) filter (where kind = 'IIBB') as iibb, sum(amount) filter (where kind = 'MUNICIPAL') as municipales,
               sum(amount) filter (where kind = 'INTERNAL') as internos, sum(amount) filter (where kind = 'OTHER') as otros
        from supplier_invoice_perceptions pp where pp.invoice_id = i.id
      ) p on true
      where i.issue_date between ${month.from}::date and ${month.to}::date ${after}
      order by i.issue_date, i.cbte_tipo, i.point_of_sale, i.number, i.id`,
    sql`(i.issue_date, i.cbte_tipo, i.point_of_sale, i.number, i.id)`,
  );
}
