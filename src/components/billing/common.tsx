"use client";
import { AreaTabs } from "@/components/ui/area-tabs";
import { parseEsAr, toWire } from "@/lib/number";
import { calendarDateIn, formatDate, formatDateTime } from "@/lib/format";

import { useCan as usePermissions } from "@/components/auth/permissions";
import type { Permission } from "@/lib/permissions";

export { Table, th, td, num } from "@/components/purchasing/common";

/** dd/mm/aaaa: a calendar date ("2026-12-01") as written, a timestamp on the business's calendar. */
export const day = (iso: string | null | undefined) => {
  if (!iso) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : formatDate(iso);
};
/** dd/mm/aaaa hh:mm (24 h), the business's time. */
export const dayTime = (d: string | Date) => formatDateTime(d);

/** Table cells that phones skip (their content is repeated under the row's main cell there). */
export const wide = "hidden sm:table-cell";
/** The row's main cell: on phones it wraps in a narrow column so amounts stay in view. */
export const main = "max-w-[10rem] whitespace-normal [overflow-wrap:anywhere] sm:max-w-none";

/** Whether the role may do `permission` (the UI only hides; the server checks again). */
export function useCan(permission: Permission): boolean {
  return usePermissions()(permission);
}

const TABS = [
  { href: "/clientes", label: "Clientes" },
  { href: "/folios", label: "Folios" },
  { href: "/facturacion/pendientes", label: "Pendientes" },
  { href: "/facturacion/lotes", label: "Lotes" },
  { href: "/facturacion/comprobantes", label: "Comprobantes" },
];

/** Second-level navigation of the billing area. */
export function BillingTabs({ slug }: { slug: string }) {
  return <AreaTabs label="Facturación" wrap tabs={TABS.map((t) => ({ ...t, href: `/${slug}${t.href}` }))} />;
}

/** What a person typed (es-AR) → the wire decimal, or a Spanish message. */
export function readMoney(text: string, label = "Importe"): { ok: true; value: string } | { ok: false; message: string } {
  const r = parseEsAr(text, { label, maxScale: 2, maxIntegerDigits: 12 });
  return r.ok ? { ok: true, value: toWire(r.value) } : r;
}
export function readQty(text: string, label = "Cantidad"): { ok: true; value: string } | { ok: false; message: string } {
  const r = parseEsAr(text, { label, maxScale: 3, maxIntegerDigits: 11 });
  return r.ok ? { ok: true, value: toWire(r.value) } : r;
}

/** Today on the business's calendar (its time zone, from the settings). */
export const todayAr = () => calendarDateIn();
/** The calendar day after an ISO date (aaaa-mm-dd). */
export const nextDay = (iso: string) => new Date(Date.parse(`${iso}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** Nights between two ISO dates (at least 1). */
export const nights = (from: string, to: string) => Math.max(1, Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000));

export const CBTE_LABELS: Record<number, string> = { 1: "Factura A", 6: "Factura B", 11: "Factura C", 3: "Nota de Crédito A", 8: "Nota de Crédito B", 13: "Nota de Crédito C" };
export const docLabel = (cbteTipo: number | null, pointOfSale: number, number: number | null) =>
  `${cbteTipo ? (CBTE_LABELS[cbteTipo] ?? `Tipo ${cbteTipo}`) : "Comprobante"} ${String(pointOfSale).padStart(5, "0")}-${number ? String(number).padStart(8, "0") : "(sin número)"}`;

export const BATCH_STATUS_LABELS = {
  PENDING_PROCESSING: "Pendiente",
  IN_PROCESS: "En proceso",
  PROCESSED: "Procesado",
  PROCESSED_WITH_ERRORS: "Procesado con errores",
  ERROR: "Con error",
  CANCELLED: "Cancelado",
} as const;
export const DOC_STATUS_LABELS = { QUEUED: "En cola", PROCESSING: "Emitiendo", ISSUED: "Emitida", ERROR: "Error", CANCELLED: "Cancelada" } as const;

export function Badge({ tone, children }: { tone: "ok" | "warn" | "bad" | "info" | "muted"; children: React.ReactNode }) {
  const cls = {
    ok: "bg-emerald-50 text-emerald-800 ring-emerald-200",
    warn: "bg-amber-50 text-amber-800 ring-amber-200",
    bad: "bg-red-50 text-red-800 ring-red-200",
    info: "bg-sky-50 text-sky-800 ring-sky-200",
    muted: "bg-slate-50 text-slate-700 ring-slate-200",
  }[tone];
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${cls}`}>{children}</span>;
}

/** Loading placeholder rows. */
export function Skeleton({ rows = 3 }: { rows?: number }) {
  return (
    <div role="status" className="space-y-2" aria-busy="true" aria-label="Cargando">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-9 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
