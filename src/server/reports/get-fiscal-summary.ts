import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { Decimal } from "@/lib/decimal";
import type { Period } from "@/lib/report-period";
import { TENANT, m2 } from "./common";

export type FiscalSummary = {
  /** Σ issued invoices in the period. */
  invoices: string;
  /** Σ issued credit notes in the period. */
  creditNotes: string;
  /** invoices − credit notes: reconciles with the net sales of the fiscal registers. */
  net: string;
  /** Documents waiting for AFIP (PENDING or ERROR, retried by the worker), any date. */
  pending: number;
  /** Documents AFIP rejected, any date: somebody has to look at them. */
  rejected: number;
};

/** Fiscal documents of a period, dated by their issue date (or request day while unissued). */
export async function getFiscalSummary(tx: Tx, p: Period): Promise<FiscalSummary> {
  const [r] = await tx.execute<{ invoices: string; credit_notes: string; pending: number; rejected: number }>(sql`
    with d as (
      select kind, status, total, coalesce(issue_date, (requested_at at time zone reports_tz())::date) as day
      from fiscal_documents where tenant_id = ${TENANT}
    )
    select ${m2(sql`sum(total) filter (where kind = 'INVOICE' and status = 'ISSUED' and day between ${p.from}::date and ${p.to}::date)`)} as invoices,
           ${m2(sql`sum(total) filter (where kind = 'CREDIT_NOTE' and status = 'ISSUED' and day between ${p.from}::date and ${p.to}::date)`)} as credit_notes,
           (count(*) filter (where status in ('PENDING', 'ERROR')))::int as pending,
           (count(*) filter (where status = 'REJECTED'))::int as rejected
    from d`);
  return {
    invoices: r!.invoices,
    creditNotes: r!.credit_notes,
    net: new Decimal(r!.invoices).minus(r!.credit_notes).toFixed(2),
    pending: Number(r!.pending),
    rejected: Number(r!.rejected),
  };
}
