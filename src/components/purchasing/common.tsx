"use client";
import { AreaTabs } from "@/components/ui/area-tabs";
import { formatDate } from "@/lib/format";
import { TableFrame } from "@/components/ui/table-frame";

export const ORDER_STATUS_LABELS = {
  DRAFT: "Borrador",
  SENT: "Enviada",
  PARTIAL: "Recibida parcial",
  RECEIVED: "Recibida",
  CANCELLED: "Cancelada",
} as const;
const ORDER_TONE: Record<keyof typeof ORDER_STATUS_LABELS, string> = {
  DRAFT: "bg-slate-100 text-slate-700",
  SENT: "bg-sky-100 text-sky-800",
  PARTIAL: "bg-amber-100 text-amber-900",
  RECEIVED: "bg-emerald-100 text-emerald-800",
  CANCELLED: "bg-red-100 text-red-800",
};

export const PAYABLE_STATUS_LABELS = { CURRENT: "Al día", DUE_SOON: "Vence pronto", OVERDUE: "Vencida", PAID: "Pagada" } as const;
const PAYABLE_TONE: Record<keyof typeof PAYABLE_STATUS_LABELS, string> = {
  CURRENT: "bg-slate-100 text-slate-700",
  DUE_SOON: "bg-amber-100 text-amber-900",
  OVERDUE: "bg-red-100 text-red-800",
  PAID: "bg-emerald-100 text-emerald-800",
};
export const PAYMENT_METHOD_LABELS = { CASH: "Efectivo", TRANSFER: "Transferencia", CHECK: "Cheque", CARD: "Tarjeta", OTHER: "Otro" } as const;

export function OrderStatusBadge({ status }: { status: keyof typeof ORDER_STATUS_LABELS }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${ORDER_TONE[status]}`}>{ORDER_STATUS_LABELS[status]}</span>;
}
export function PayableStatusBadge({ status }: { status: keyof typeof PAYABLE_STATUS_LABELS }) {
  return (
    <span data-status={status} className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${PAYABLE_TONE[status]}`}>
      {PAYABLE_STATUS_LABELS[status]}
    </span>
  );
}

export const orderNumber = (n: number) => `OC-${String(n).padStart(6, "0")}`;
/** A date column (YYYY-MM-DD) shown in es-AR without time-zone shifts. */
export const day = (iso: string | null | undefined) => (iso ? formatDate(`${iso}T12:00:00`) : "—");

const TABS = [
  { href: "/compras/sugerencias", label: "Sugerencias" },
  { href: "/compras/ordenes", label: "Órdenes" },
  { href: "/compras/pagos", label: "Cuentas a pagar" },
  { href: "/compras/comprobantes", label: "Comprobantes" },
  { href: "/compras/antiguedad", label: "Antigüedad de deuda" },
  { href: "/compras/proveedores", label: "Proveedores" },
  { href: "/compras/lista-de-precios", label: "Lista de precios" },
];

/** Second-level navigation of the purchasing area. */
export function PurchasingTabs({ slug }: { slug: string }) {
  return <AreaTabs label="Compras" tabs={TABS.map((t) => ({ ...t, href: `/${slug}${t.href}` }))} />;
}

export const th = "whitespace-nowrap px-3 py-2 text-left font-medium text-slate-600";
export const td = "whitespace-nowrap px-3 py-2 text-slate-800";
export const num = "whitespace-nowrap px-3 py-2 text-right tabular-nums text-slate-800";

/** A plain client-side table wrapper with our look (cards when it does not fit: TableFrame). */
export function Table({ head, children, empty }: { head: React.ReactNode; children: React.ReactNode; empty?: React.ReactNode }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm">
      {/* relative: sr-only header text (absolutely positioned) is clipped by this scroller instead of widening the page on a phone. */}
      <TableFrame className="relative">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50">{head}</thead>
          <tbody className="divide-y divide-slate-100">{children}</tbody>
        </table>
      </TableFrame>
      {empty ? <div className="p-8 text-center text-sm text-slate-600">{empty}</div> : null}
    </div>
  );
}
