import "server-only";
import { z } from "zod";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "../db/client";
import { Decimal, sum } from "@/lib/decimal";
import { ZPeriod, TENANT, checkPeriod, m2, q3 } from "./common";

export const SALES_DIMENSIONS = ["day", "hour", "method", "product", "category", "register", "cashier"] as const;
export type SalesDimension = (typeof SALES_DIMENSIONS)[number];

export const ZSalesBreakdownInput = ZPeriod.extend({
  by: z.enum(SALES_DIMENSIONS),
  /** Sort and cut (top products): by net sales or by margin. */
  orderBy: z.enum(["key", "net", "margin"]).default("key"),
  limit: z.number().int().min(1).max(5000).optional(),
});
export type TSalesBreakdownInput = z.input<typeof ZSalesBreakdownInput>;

export type SalesRow = {
  key: string;
  label: string;
  /** Units sold net of voids (products and categories). */
  quantity: string | null;
  /** Tickets rung minus tickets voided (day, hour, register, cashier). */
  tickets: number | null;
  gross: string;
  discount: string;
  voids: string;
  net: string;
  /** Null for payment methods (payments carry no cost). */
  cost: string | null;
  margin: string | null;
  marginPct: string | null;
};
export type SalesBreakdown = { rows: SalesRow[]; totals: Omit<SalesRow, "key" | "label"> };

type Raw = { key: string; label: string; quantity: string | null; tickets: number | null; gross: string; discount: string; voids: string; net: string; cost: string | null };

/**
 * Net sales, cost and margin of a period by one dimension, read from the rollups:
 * day / hour / register / cashier from the ticket rollup, product / category from the
 * product rollup, payment method from the payment rollup. Days and hours without sales are
 * included (zero) so charts keep their axis.
 */
export async function getSalesBreakdown(tx: Tx, raw: TSalesBreakdownInput): Promise<SalesBreakdown> {
  const input = ZSalesBreakdownInput.parse(raw);
  const p = checkPeriod(input);
  const inPeriod = sql`r.tenant_id = ${TENANT} and r.day between ${p.from}::date and ${p.to}::date`;
  const money = sql`${m2(sql`sum(r.gross)`)} as gross, ${m2(sql`sum(r.discount)`)} as discount, ${m2(sql`sum(r.void_net)`)} as voids,
    ${m2(sql`sum(r.net) - sum(r.void_net)`)} as net, ${m2(sql`sum(r.cost) - sum(r.void_cost)`)} as cost`;
  const tickets = sql`(coalesce(sum(r.tickets), 0) - coalesce(sum(r.void_tickets), 0))::int as tickets`;
  const order: SQL =
    input.orderBy === "net" ? sql`order by (sum(r.net) - sum(r.void_net)) desc nulls last, 2`
    : input.orderBy === "margin" ? sql`order by (sum(r.net) - sum(r.void_net) - sum(r.cost) + sum(r.void_cost)) desc nulls last, 2`
    : sql`order by 2`;
  const limit = input.limit ? sql`limit ${input.limit}` : sql``;

  let query: SQL;
  switch (input.by) {
    case "day":
      query = sql`
        select d::date::text as key, to_char(d, 'DD/MM/YYYY') as label, null as quantity, ${tickets}, ${money}
        from generate_series(${p.from}::date, ${p.to}::date, interval '1 day') d
        left join report_daily_tickets r on ${inPeriod} and r.day = d::date
        group by d ${input.orderBy === "key" ? sql`order by d` : order} ${limit}`;
      break;
    case "hour":
      query = sql`
        select lpad(h::text, 2, '0') as key, lpad(h::text, 2, '0') || ':00' as label, null as quantity, ${tickets}, ${money}
        from generate_series(0, 23) h
        left join report_daily_tickets r on ${inPeriod} and r.hour = h
        group by h ${input.orderBy === "key" ? sql`order by h` : order} ${limit}`;
      break;
    case "register":
    case "cashier": {
      const [col, join, name] =
        input.by === "register"
          ? [sql`r.register_id`, sql`left join registers x on x.tenant_id = r.tenant_id and x.id = r.register_id`, sql`x.name`]
          : [sql`r.cashier_id`, sql`left join users x on x.id = r.cashier_id`, sql`x.name`];
      query = sql`
        select ${col}::text as key, coalesce(min(${name}), '—') as label, null as quantity, ${tickets}, ${money}
        from report_daily_tickets r ${join}
        where ${inPeriod} group by ${col} ${order} ${limit}`;
      break;
    }
    case "product":
      query = sql`
        select r.product_id::text as key, coalesce(min(x.name), '—') as label,
               ${q3(sql`sum(r.quantity) - sum(r.void_quantity)`)} as quantity, null::int as tickets, ${money}
        from report_daily_sales r left join products x on x.tenant_id = r.tenant_id and x.id = r.product_id
        where ${inPeriod} group by r.product_id ${order} ${limit}`;
      break;
    case "category":
      query = sql`
        select coalesce(c.id::text, 'none') as key, coalesce(min(c.name), 'Sin categoría') as label,
               ${q3(sql`sum(r.quantity) - sum(r.void_quantity)`)} as quantity, null::int as tickets, ${money}
        from report_daily_sales r
        left join products x on x.tenant_id = r.tenant_id and x.id = r.product_id
        left join categories c on c.tenant_id = x.tenant_id and c.id = x.category_id
        where ${inPeriod} group by c.id ${order} ${limit}`;
      break;
    case "method":
      query = sql`
        select r.method::text as key, r.method::text as label, null as quantity, null::int as tickets,
               ${m2(sql`sum(r.amount)`)} as gross, '0.00' as discount, ${m2(sql`sum(r.void_amount)`)} as voids,
               ${m2(sql`sum(r.amount) - sum(r.void_amount)`)} as net, null as cost
        from report_daily_payments r where ${inPeriod} group by r.method
        ${input.orderBy === "key" ? sql`order by r.method` : sql`order by (sum(r.amount) - sum(r.void_amount)) desc`} ${limit}`;
      break;
  }
  const rows = (await tx.execute<Raw>(query)).map(withMargin);
  return { rows, totals: totalsOf(rows, input.by) };
}

const METHOD_LABELS: Record<string, string> = { CASH: "Efectivo", DEBIT: "Débito", CREDIT: "Crédito", TRANSFER: "Transferencia" };

function withMargin(r: Raw): SalesRow {
  const margin = r.cost === null ? null : new Decimal(r.net).minus(r.cost);
  return {
    key: r.key,
    label: METHOD_LABELS[r.label] ?? r.label,
    quantity: r.quantity,
    tickets: r.tickets === null ? null : Number(r.tickets),
    gross: r.gross,
    discount: r.discount,
    voids: r.voids,
    net: r.net,
    cost: r.cost,
    margin: margin?.toFixed(2) ?? null,
    marginPct: margin === null || new Decimal(r.net).isZero() ? null : margin.div(r.net).times(100).toFixed(2),
  };
}

function totalsOf(rows: SalesRow[], by: SalesDimension): SalesBreakdown["totals"] {
  const add = (k: "gross" | "discount" | "voids" | "net") => sum(rows.map((r) => r[k])).toFixed(2);
  const net = sum(rows.map((r) => r.net));
  const cost = by === "method" ? null : sum(rows.map((r) => r.cost ?? 0));
  const margin = cost === null ? null : net.minus(cost);
  return {
    quantity: by === "product" || by === "category" ? sum(rows.map((r) => r.quantity ?? 0)).toFixed(3) : null,
    tickets: rows.some((r) => r.tickets !== null) ? rows.reduce((a, r) => a + (r.tickets ?? 0), 0) : null,
    gross: add("gross"),
    discount: add("discount"),
    voids: add("voids"),
    net: net.toFixed(2),
    cost: cost?.toFixed(2) ?? null,
    margin: margin?.toFixed(2) ?? null,
    marginPct: margin === null || net.isZero() ? null : margin.div(net).times(100).toFixed(2),
  };
}
