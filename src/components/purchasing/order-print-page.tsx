"use client";
import Link from "next/link";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { calendarDateIn, formatMoney, formatQty } from "@/lib/format";
import { formatCuit } from "@/lib/cuit";
import { isoDateText } from "@/lib/purchasing/order-message";
import { Decimal } from "@/lib/decimal";
import { ORDER_STATUS_LABELS, orderNumber } from "./common";

const cell = "border-b border-slate-200 px-2 py-1.5 text-left align-top";
const numCell = `${cell} text-right tabular-nums whitespace-nowrap`;

/** The purchase order as the supplier receives it: an A4 page (print or "Guardar como PDF"). */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function OrderPrintPage({ slug, id, businessName }: { slug: string; id: string; businessName: string }) {
  const q = trpc.purchasing.order.useQuery({ id });
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  const o = q.data;
  if (!o) return <div role="status" className="h-96 animate-pulse rounded-lg bg-slate-100" aria-label="Cargando la orden" />;
  const today = isoDateText(calendarDateIn());
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <Link href={`/${slug}/compras/ordenes/${o.id}`} className="text-sm text-teal-800 hover:underline">
          ← Orden {orderNumber(o.number)}
        </Link>
        <Button onClick={() => window.print()}>Imprimir o guardar PDF</Button>
      </div>
      <article className="print-a4 mx-auto max-w-[210mm] space-y-5 rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-900 shadow-sm print:max-w-none print:border-0 print:p-0 print:shadow-none">
        <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-300 pb-3">
          <div>
            <p className="text-lg font-semibold">{businessName}</p>
            <p className="text-slate-600">Emitida el {today}</p>
          </div>
          <div className="text-right">
            <h1 className="text-xl font-semibold">Orden de compra {orderNumber(o.number)}</h1>
            {o.status === "DRAFT" || o.status === "CANCELLED" ? <p className="font-medium text-red-700">{ORDER_STATUS_LABELS[o.status]}</p> : null}
          </div>
        </header>
        <section className="grid gap-3 sm:grid-cols-2 print:grid-cols-2">
          <div>
            <p className="text-xs uppercase tracking-wide text-slate-500">Proveedor</p>
            <p className="font-medium">{o.supplierName}</p>
            <p>CUIT {formatCuit(o.supplierCuit)}</p>
            {o.supplierContactName ? <p>Atención: {o.supplierContactName}</p> : null}
            {o.supplierPhone ? <p>Tel.: {o.supplierPhone}</p> : null}
            {o.supplierEmail ? <p>{o.supplierEmail}</p> : null}
          </div>
          <div>
            <p className="text-xs uppercase tracking-wide text-slate-500">Entrega</p>
            <p>{o.expectedAt ? `Esperada el ${isoDateText(o.expectedAt)}` : "A coordinar"}</p>
            <p>Pago a {o.paymentTermsDays === 0 ? "contado" : `${o.paymentTermsDays} días`} de la recepción</p>
          </div>
        </section>
        {/* A scrolling box must be reachable by keyboard (axe: scrollable-region-focusable). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div className="overflow-x-auto print:overflow-visible" tabIndex={0} role="region" aria-label="Líneas de la orden">
          <table className="w-full border-collapse">
            <thead>
              <tr className="bg-slate-50">
                <th className={cell}>Producto</th>
                <th className={cell}>Código</th>
                <th className={`${cell} text-right`}>Cantidad</th>
                <th className={`${cell} text-right`}>Costo unitario</th>
                <th className={`${cell} text-right`}>Subtotal</th>
              </tr>
            </thead>
            <tbody>
              {o.lines.map((l) => (
                <tr key={l.id} className="break-inside-avoid">
                  <td className={cell}>{l.productName}</td>
                  <td className={cell}>{l.sku}</td>
                  <td className={numCell}>
                    {formatQty(l.quantity)} {l.unit === "unit" ? "u" : l.unit}
                  </td>
                  <td className={numCell}>{formatMoney(l.unitCost)}</td>
                  <td className={numCell}>{formatMoney(new Decimal(l.quantity).times(l.unitCost))}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td className={`${cell} font-semibold`} colSpan={4}>
                  Total
                </td>
                <td className={`${numCell} font-semibold`}>{formatMoney(o.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        {o.notes ? (
          <section>
            <p className="text-xs uppercase tracking-wide text-slate-500">Notas</p>
            <p className="whitespace-pre-line">{o.notes}</p>
          </section>
        ) : null}
      </article>
    </div>
  );
}
