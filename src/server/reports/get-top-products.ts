import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import type { Period } from "@/lib/report-period";
import { TENANT, m2, q3 } from "./common";
import { toSalesRow, type RawSalesRow, type SalesRow } from "./get-sales-breakdown";

/** The best products of a period by net sales and by margin, in ONE scan of the product rollup. */
export async function getTopProducts(tx: Tx, p: Period, n: number): Promise<{ byNet: SalesRow[]; byMargin: SalesRow[] }> {
  const rows = await tx.execute<RawSalesRow & { rn_net: number; rn_margin: number }>(sql`
    with a as (
      select product_id, sum(quantity) - sum(void_quantity) as q, sum(gross) as g, sum(discount) as d, sum(void_net) as v,
             sum(net) - sum(void_net) as n, sum(cost) - sum(void_cost) as c
      from report_daily_products where tenant_id = ${TENANT} and day between ${p.from}::date and ${p.to}::date
      group by product_id
    ), r as (
      select a.*, row_number() over (order by n desc, product_id) as rn_net, row_number() over (order by n - c desc, product_id) as rn_margin from a
    )
    select r.product_id::text as key, coalesce(x.name, '—') as label, ${q3(sql`r.q`)} as quantity, null::int as tickets,
           ${m2(sql`r.g`)} as gross, ${m2(sql`r.d`)} as discount, ${m2(sql`r.v`)} as voids, ${m2(sql`r.n`)} as net, ${m2(sql`r.c`)} as cost,
           r.rn_net::int as rn_net, r.rn_margin::int as rn_margin
    from r left join products x on x.tenant_id = ${TENANT} and x.id = r.product_id
    where r.rn_net <= ${n} or r.rn_margin <= ${n}`);
  const pick = (k: "rn_net" | "rn_margin") =>
    rows
      .filter((r) => Number(r[k]) <= n)
      .sort((a, b) => Number(a[k]) - Number(b[k]))
      .map(({ rn_net: _a, rn_margin: _b, ...r }) => toSalesRow(r));
  return { byNet: pick("rn_net"), byMargin: pick("rn_margin") };
}
