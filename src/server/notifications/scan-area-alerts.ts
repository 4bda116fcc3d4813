import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { TENANT } from "../db/current-tenant";
import { formatMoney, formatPercent } from "@/lib/number";
import { notify } from "./notify";

// The every-few-minutes alert scan of one business (Inngest cron → withTenant → here): each
// area's condition is one query over the whole business, its notifications one insert whose
// dedupe keys make a re-run, a retry or an overlapping run create nothing twice.

/** Fiscal documents waiting this long for their CAE count as stuck. */
export const STUCK_AFTER_MINUTES = 30;
/** Only recent sync batches are reported (the first run never floods with old ones). */
const REFUSED_LOOKBACK_DAYS = 7;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export type AreaAlertsResult = { fiscalRejected: number; fiscalStuck: number; offlineRefused: number; stockConflicts: number; cashCritical: number };

export async function scanAreaAlerts(tx: Tx): Promise<AreaAlertsResult> {
  const [fiscalRejected, fiscalStuck, offlineRefused, stockConflicts, cashCritical] = [
    await scanRejectedDocuments(tx),
    await scanStuckDocuments(tx),
    await scanRefusedOfflineSales(tx),
    await scanStockConflicts(tx),
    await scanCriticalCashDeviations(tx),
  ];
  return { fiscalRejected, fiscalStuck, offlineRefused, stockConflicts, cashCritical };
}

/** One per rejected/failed document and attempt count (a retry that fails again is news). */
async function scanRejectedDocuments(tx: Tx): Promise<number> {
  const rows = await tx.execute<{ id: string; status: string; attempts: number; point_of_sale: number; number: number | null; last_error: string | null; kind: string }>(sql`
    select id, status::text, attempts, point_of_sale, number, last_error, kind::text from fiscal_documents
    where tenant_id = ${TENANT} and status in ('REJECTED', 'ERROR') and updated_at > now() - interval '30 days'
    order by updated_at desc limit 100`);
  return notify(
    tx,
    rows.map((d) => ({
      kind: "FISCAL_DOC_REJECTED",
      title: `${d.status === "REJECTED" ? "ARCA rechazó" : "No se pudo emitir"} ${d.kind === "CREDIT_NOTE" ? "una nota de crédito" : "una factura"} (punto de venta ${d.point_of_sale})`,
      body: d.last_error ? d.last_error.slice(0, 300) : "Revisá el comprobante, corregí lo que indique ARCA y reintentá.",
      link: `/fiscal/comprobantes/${d.id}`,
      data: { documentId: d.id, status: d.status },
      dedupeKey: `fiscal-doc:${d.id}:${d.status}:${d.attempts}`,
    })),
  );
}

/** One digest per business and day while documents wait for their CAE beyond STUCK_AFTER_MINUTES. */
async function scanStuckDocuments(tx: Tx): Promise<number> {
  const [r] = await tx.execute<{ n: number; day: string }>(sql`
    select count(*)::int as n,
           (now() at time zone coalesce((select settings->>'timezone' from tenants where id = ${TENANT}), 'America/Argentina/Buenos_Aires'))::date::text as day
    from fiscal_documents
    where tenant_id = ${TENANT} and status = 'PENDING' and requested_at < now() - make_interval(mins => ${STUCK_AFTER_MINUTES})`);
  if (!r || r.n === 0) return 0;
  return notify(tx, [
    {
      kind: "FISCAL_DOCS_STUCK",
      title: `${plural(r.n, "comprobante espera", "comprobantes esperan")} el CAE hace más de ${STUCK_AFTER_MINUTES} minutos`,
      body: "ARCA (ex AFIP) no respondió todavía. Revisá la conexión en Facturación ARCA y reintentá los pendientes.",
      link: "/fiscal",
      data: { count: r.n },
      dedupeKey: `fiscal-stuck:${r.day}`,
    },
  ]);
}

/** One per sync batch with refused sales, addressed to the cashier whose terminal keeps them. */
async function scanRefusedOfflineSales(tx: Tx): Promise<number> {
  const rows = await tx.execute<{ id: string; user_id: string; refused: number }>(sql`
    select id, user_id, refused from offline_sync_batches
    where tenant_id = ${TENANT} and refused > 0 and created_at > now() - make_interval(days => ${REFUSED_LOOKBACK_DAYS})
    order by created_at desc limit 100`);
  return notify(
    tx,
    rows.map((b) => ({
      kind: "OFFLINE_SALES_REFUSED",
      userId: b.user_id,
      title: `${plural(b.refused, "venta sin conexión fue rechazada", "ventas sin conexión fueron rechazadas")}`,
      body: "Quedaron en el punto de venta con el motivo: corregilas o descartalas desde ahí.",
      link: "/pos",
      data: { batchId: b.id, refused: b.refused },
      dedupeKey: `offline-refused:${b.id}`,
    })),
  );
}

/** One per synced sale with open stock conflicts (oversold while offline). */
async function scanStockConflicts(tx: Tx): Promise<number> {
  const rows = await tx.execute<{ sale_id: string; lines: number; names: string }>(sql`
    select c.sale_id, count(*)::int as lines, string_agg(distinct p.name, ', ') as names
    from stock_conflicts c join products p on p.tenant_id = c.tenant_id and p.id = c.product_id
    where c.tenant_id = ${TENANT} and c.status = 'OPEN'
    group by c.sale_id order by min(c.created_at) desc limit 100`);
  return notify(
    tx,
    rows.map((c) => ({
      kind: "STOCK_CONFLICT",
      title: `Venta sin conexión con faltante de stock (${plural(c.lines, "producto", "productos")})`,
      body: c.names.slice(0, 300),
      link: "/conflictos",
      data: { saleId: c.sale_id },
      dedupeKey: `stock-conflict:${c.sale_id}`,
    })),
  );
}

/** One per closing with a CRITICAL deviation still waiting for a supervisor's justification. */
async function scanCriticalCashDeviations(tx: Tx): Promise<number> {
  const rows = await tx.execute<{ session_id: string; register: string; deviation: string; pct: string }>(sql`
    select k.cash_session_id as session_id, r.name as register, k.deviation::text, k.deviation_pct::text as pct
    from cash_session_closings k
    join cash_sessions s on s.tenant_id = k.tenant_id and s.id = k.cash_session_id
    join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id
    where k.tenant_id = ${TENANT} and k.deviation_class = 'CRITICAL' and k.review = 'PENDING'
    order by k.declared_at desc limit 100`);
  return notify(
    tx,
    rows.map((k) => ({
      kind: "CASH_DEVIATION_CRITICAL",
      title: `Arqueo con desvío crítico en ${k.register}`,
      body: `Desvío ${formatMoney(k.deviation)} (${formatPercent(k.pct)}). Registrá la justificación para cerrar la revisión.`,
      link: "/caja",
      data: { cashSessionId: k.session_id },
      dedupeKey: `cash-critical:${k.session_id}`,
    })),
  );
}
