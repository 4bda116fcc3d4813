import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { Decimal } from "@/lib/decimal";
import { PAYMENT_METHODS, type PaymentMethod } from "@/lib/schemas/sale";

/**
 * Expected amount per method = opening float (cash only) + Σ cash movements of that method.
 * Only reviewers and the closing itself may use this; never hand it to a cashier before declaring.
 */
export async function expectedAmounts(tx: Tx, cashSessionId: string): Promise<Record<PaymentMethod, string>> {
  const rows = await tx.execute<{ method: PaymentMethod; total: string }>(sql`
    select m.method, sum(m.amount)::text as total from cash_movements m
    where m.cash_session_id = ${cashSessionId} group by m.method`);
  const [session] = await tx.execute<{ opening_float: string }>(
    sql`select opening_float from cash_sessions where id = ${cashSessionId}`,
  );
  const out = Object.fromEntries(PAYMENT_METHODS.map((m) => [m, "0.00"])) as Record<PaymentMethod, string>;
  for (const r of rows) out[r.method] = new Decimal(r.total).toFixed(2);
  out.CASH = new Decimal(out.CASH).plus(session?.opening_float ?? 0).toFixed(2);
  return out;
}
