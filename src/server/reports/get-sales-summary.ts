import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { Decimal } from "@/lib/decimal";
import type { Period } from "@/lib/report-period";
import { TENANT, m2 } from "./common";

export type SalesSummary = {
  /** Σ quantity × unit price of the tickets rung in the period. */
  gross: string;
  /** Line and ticket discounts of those tickets. */
  discount: string;
  /** Net amount of the tickets voided in the period (on the day of the void). */
  voids: string;
  /** gross − discount − voids. */
  net: string;
  tax: string;
  /** Cost of goods sold (lots consumed) minus the cost returned by voids. */
  cost: string;
  /** net − cost. */
  margin: string;
  /** margin ÷ net × 100, 2 decimals; null without sales. */
  marginPct: string | null;
  tickets: number;
  voidedTickets: number;
  offlineTickets: number;
  /** net ÷ (tickets − voided tickets); null without tickets. */
  averageTicket: string | null;
};

/** The period's headline figures, from the ticket rollup (day × hour × register × cashier). */
export async function getSalesSummary(tx: Tx, p: Period): Promise<SalesSummary> {
  const [r] = await tx.execute<{
    gross: string;
    discount: string;
    voids: string;
    net: string;
    tax: string;
    cost: string;
    tickets: number;
    void_tickets: number;
    offline_tickets: number;
  }>(sql`
    select ${m2(sql`sum(gross)`)} as gross, ${m2(sql`sum(discount)`)} as discount, ${m2(sql`sum(void_net)`)} as voids,
           ${m2(sql`sum(net) - sum(void_net)`)} as net, ${m2(sql`sum(tax) - sum(void_tax)`)} as tax,
           ${m2(sql`sum(cost) - sum(void_cost)`)} as cost,
           coalesce(sum(tickets), 0)::int as tickets, coalesce(sum(void_tickets), 0)::int as void_tickets,
           coalesce(sum(offline_tickets), 0)::int as offline_tickets
    from report_daily_tickets where tenant_id = ${TENANT} and day between ${p.from}::date and ${p.to}::date`);
  return summarize(r!);
}

function summarize(r: { gross: string; discount: string; voids: string; net: string; tax: string; cost: string; tickets: number; void_tickets: number; offline_tickets: number }): SalesSummary {
  const net = new Decimal(r.net);
  const margin = net.minus(r.cost);
  const kept = r.tickets - r.void_tickets;
  return {
    gross: r.gross,
    discount: r.discount,
    voids: r.voids,
    net: r.net,
    tax: r.tax,
    cost: r.cost,
    margin: margin.toFixed(2),
    marginPct: net.isZero() ? null : margin.div(net).times(100).toFixed(2),
    tickets: r.tickets,
    voidedTickets: r.void_tickets,
    offlineTickets: r.offline_tickets,
    averageTicket: kept > 0 ? net.div(kept).toFixed(2) : null,
  };
}
