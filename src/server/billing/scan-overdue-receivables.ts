import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { notify } from "../purchasing/notifications";
import { formatMoney } from "@/lib/format";
import { tenantToday } from "../purchasing/common";
import { receivables } from "./customer-statement";

/** One in-app notification per overdue invoice with money still open (dedupe: once per invoice). */
export async function scanOverdueReceivables(tx: Tx, opts: { today?: string } = {}) {
  const today = opts.today ?? (await tenantToday(tx));
  const customers = await tx.execute<{ id: string; name: string }>(sql`
    select distinct c.id, c.name from customers c join billing_documents d on d.customer_id = c.id
    where d.status = 'ISSUED' and d.due_date < ${today}::date`);
  const items = [];
  for (const c of customers) {
    const { invoices } = await receivables(tx, c.id, today);
    for (const i of invoices.filter((x) => x.status === "OVERDUE")) {
      items.push({
        kind: "RECEIVABLE_OVERDUE",
        title: `${c.name}: ${i.label} vencida`,
        body: `Saldo ${formatMoney(i.open)}, venció hace ${i.daysOverdue} día(s).`,
        link: `/facturacion/cuentas/${c.id}`,
        data: { customerId: c.id, documentId: i.id },
        dedupeKey: `receivable-overdue:${i.id}`,
      });
    }
  }
  return { notified: await notify(tx, items), overdue: items.length };
}
