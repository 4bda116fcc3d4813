import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { formatMoney, formatQty } from "@/lib/format";
import { formatCalendarDate } from "@/lib/ar-time";
import { notify } from "./notifications";
import { payableStatusSql } from "./payable-status";

// The daily alert scans (Inngest cron → withTenant → here). Idempotent: the dedupe keys
// make a second run the same day (or a retry) create nothing new.

/** One notification per payable and state (DUE_SOON, then OVERDUE). */
export async function scanPayableAlerts(tx: Tx, today: string, onlyPayableId?: string): Promise<{ created: number; dueSoon: number; overdue: number }> {
  const rows = await tx.execute<{ id: string; supplier_name: string; balance: string; due_on: string; status: "DUE_SOON" | "OVERDUE"; days: number }>(sql`
    select * from (
      select p.id, s.name as supplier_name, p.balance, p.due_on::text as due_on, (p.due_on - ${today}::date) as days,
             ${payableStatusSql(sql`p.balance`, sql`p.due_on`, today)} as status
      from payables p join suppliers s on s.tenant_id = p.tenant_id and s.id = p.supplier_id
      where p.balance > 0 and p.due_on <= ${today}::date + 7 ${onlyPayableId ? sql`and p.id = ${onlyPayableId}` : sql``}
    ) x where x.status in ('DUE_SOON', 'OVERDUE')`);
  const created = await notify(
    tx,
    rows.map((r) => ({
      kind: r.status === "OVERDUE" ? "PAYABLE_OVERDUE" : "PAYABLE_DUE_SOON",
      title:
        r.status === "OVERDUE"
          ? `Pago vencido: ${r.supplier_name}`
          : `Pago por vencer: ${r.supplier_name} ${r.days === 0 ? "vence hoy" : `vence en ${r.days} ${r.days === 1 ? "día" : "días"}`}`,
      body: `Saldo ${formatMoney(r.balance)} · vencimiento ${formatCalendarDate(r.due_on)}`,
      link: `/compras/pagos/${r.id}`,
      data: { payableId: r.id, dueOn: r.due_on, balance: r.balance },
      dedupeKey: `payable:${r.id}:${r.status}`,
    })),
  );
  return { created, dueSoon: rows.filter((r) => r.status === "DUE_SOON").length, overdue: rows.filter((r) => r.status === "OVERDUE").length };
}

/** One digest per day of the lots with stock expiring within the tenant's window. */
export async function scanExpiringLots(tx: Tx, today: string, windowDays: number): Promise<{ created: number; lots: number }> {
  const lots = await tx.execute<{ lot_id: string; product_name: string; lot_number: string | null; quantity: string; expires_at: string; days: number }>(sql`
    select l.id as lot_id, p.name as product_name, l.lot_number, l.quantity, l.expires_at::text as expires_at, (l.expires_at - ${today}::date) as days
    from lots l join products p on p.tenant_id = l.tenant_id and p.id = l.product_id
    where l.quantity > 0 and not l.is_deficit and l.expires_at is not null and l.expires_at <= ${today}::date + ${windowDays}::int
    order by l.expires_at, p.name limit 200`);
  if (lots.length === 0) return { created: 0, lots: 0 };
  const expired = lots.filter((l) => l.days < 0).length;
  const first = lots.slice(0, 3).map((l) => `${l.product_name} (${formatQty(l.quantity)}, ${formatCalendarDate(l.expires_at)})`);
  const created = await notify(tx, [
    {
      kind: "LOTS_EXPIRING",
      title: `${lots.length} ${lots.length === 1 ? "lote vence" : "lotes vencen"} en los próximos ${windowDays} días${expired ? ` (${expired} ya vencidos)` : ""}`,
      body: first.join(" · ") + (lots.length > 3 ? " …" : ""),
      link: `/inventario`,
      data: { lots: lots.map((l) => ({ lotId: l.lot_id, expiresAt: l.expires_at, quantity: l.quantity })) },
      dedupeKey: `lots-expiring:${today}`,
    },
  ]);
  return { created, lots: lots.length };
}
