"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page";
import { formatDateTime, formatMoney, formatQty } from "@/lib/format";
import { formatCuit } from "@/lib/cuit";
import { OrderStatusBadge, Table, day, num, orderNumber, td, th } from "./common";
import { useCan } from "@/components/auth/permissions";
import { OrderSendPanel } from "./order-send";

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function OrderDetailPage({ slug, id, businessName }: { slug: string; id: string; businessName: string }) {
  const utils = trpc.useUtils();
  const canWrite = useCan()("purchasing.write");
  const q = trpc.purchasing.order.useQuery({ id });
  const refresh = () => {
    void utils.purchasing.order.invalidate({ id });
    void utils.purchasing.orders.invalidate();
  };
  const send = trpc.purchasing.sendOrder.useMutation({ onSuccess: refresh });
  const cancel = trpc.purchasing.cancelOrder.useMutation({ onSuccess: () => (refresh(), setConfirmCancel(false)) });
  const [confirmCancel, setConfirmCancel] = useState(false);
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  const o = q.data;
  if (!o) return <p className="text-sm text-slate-500">Cargando…</p>;
  const receivable = o.status === "SENT" || o.status === "PARTIAL";
  return (
    <div className="space-y-4">
      <Link href={`/${slug}/compras/ordenes`} className="text-sm text-teal-800 hover:underline">
        ← Órdenes
      </Link>
      <PageHeader
        title={`Orden ${orderNumber(o.number)}`}
        description={`${o.supplierName} · CUIT ${formatCuit(o.supplierCuit)}${o.snapshot ? " (datos al enviar)" : ""}`}
        actions={
          canWrite ? (
            <>
              {o.status === "DRAFT" ? (
                <>
                  <Link href={`/${slug}/compras/ordenes/${o.id}/editar`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50">
                    Editar
                  </Link>
                  <Button busy={send.isPending} onClick={() => send.mutate({ id })}>
                    Marcar como enviada
                  </Button>
                </>
              ) : null}
              {receivable ? (
                <Link href={`/${slug}/compras/ordenes/${o.id}/recibir`} className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800">
                  Recibir mercadería
                </Link>
              ) : null}
              {o.status !== "RECEIVED" && o.status !== "CANCELLED" ? (
                <Button variant="danger" onClick={() => setConfirmCancel(true)}>
                  Cancelar orden
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      {send.error ? <Alert>{errorMessage(send.error)}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-4">
        <Card title="Estado">
          <OrderStatusBadge status={o.status} />
        </Card>
        <Card title="Enviada">{o.sentAt ? formatDateTime(o.sentAt) : "—"}</Card>
        <Card title="Entrega esperada">{day(o.expectedAt)}</Card>
        <Card title="Total">
          <span className="text-lg font-semibold">{formatMoney(o.total)}</span>
        </Card>
      </div>
      {o.notes ? <p className="text-sm text-slate-600">{o.notes}</p> : null}
      {o.status !== "CANCELLED" && o.status !== "RECEIVED" ? <OrderSendPanel slug={slug} order={o} businessName={businessName} /> : null}
      <Table
        head={
          <tr>
            <th className={th}>Producto</th>
            <th className={`${th} text-right`}>Pedido</th>
            <th className={`${th} text-right`}>Recibido</th>
            <th className={`${th} text-right`}>Pendiente</th>
            <th className={`${th} text-right`}>Costo unitario</th>
          </tr>
        }
      >
        {o.lines.map((l) => (
          <tr key={l.id}>
            <td className={td}>
              {l.productName} <span className="text-xs text-slate-500">{l.sku}</span>
            </td>
            <td className={num}>{formatQty(l.quantity)}</td>
            <td className={num}>{formatQty(l.receivedQuantity)}</td>
            <td className={num}>{formatQty(l.pending)}</td>
            <td className={num}>{formatMoney(l.unitCost)}</td>
          </tr>
        ))}
      </Table>
      {o.receipts.length ? (
        <Card title="Recepciones">
          <ul className="space-y-1 text-sm">
            {o.receipts.map((r) => (
              <li key={r.id}>
                {day(r.receivedOn)} · {r.reference ?? "sin comprobante"} · {formatMoney(r.total)}
              </li>
            ))}
          </ul>
          <Link href={`/${slug}/compras/pagos`} className="mt-2 inline-block text-sm text-teal-800 hover:underline">
            Ver cuentas a pagar →
          </Link>
        </Card>
      ) : null}
      <ConfirmDialog
        open={confirmCancel}
        onOpenChange={setConfirmCancel}
        title="¿Cancelar la orden?"
        description={o.status === "PARTIAL" ? "Lo ya recibido queda; se cancela lo pendiente." : "La orden queda cancelada y no se podrá recibir."}
        confirmLabel="Cancelar orden"
        busy={cancel.isPending}
        onConfirm={() => cancel.mutate({ id })}
      />
      {cancel.error ? <Alert>{errorMessage(cancel.error)}</Alert> : null}
    </div>
  );
}
