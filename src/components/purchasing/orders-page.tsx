"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Alert, Select } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { formatDate, formatMoney } from "@/lib/format";
import { ORDER_STATUS_LABELS, OrderStatusBadge, Table, day, num, orderNumber, td, th } from "./common";
import { useCan } from "@/components/auth/permissions";

type Status = keyof typeof ORDER_STATUS_LABELS;

export function OrdersPage({ slug }: { slug: string }) {
  const [status, setStatus] = useState<Status | "">("");
  const canWrite = useCan()("purchasing.write");
  const q = trpc.purchasing.orders.useQuery(status ? { status } : undefined);
  return (
    <div>
      <PageHeader
        title="Órdenes de compra"
        description="Borrador → enviada → recibida (total o parcial). Al recibir se crean los lotes y la cuenta a pagar."
        actions={
          canWrite ? (
            <>
              <Link href={`/${slug}/compras/recepciones/nueva`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50">
                Recepción sin orden
              </Link>
              <Link href={`/${slug}/compras/ordenes/nueva`} className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800">
                Nueva orden
              </Link>
            </>
          ) : null
        }
      />
      <div className="mb-3 max-w-xs">
        <Select value={status} onChange={(e) => setStatus(e.target.value as Status | "")} aria-label="Filtrar por estado">
          <option value="">Todos los estados</option>
          {Object.entries(ORDER_STATUS_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
      </div>
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.data && q.data.length === 0 && !status ? (
        <EmptyState title="No hay órdenes de compra">Creá una orden nueva o convertí las sugerencias de reposición en órdenes.</EmptyState>
      ) : (
        <Table
          head={
            <tr>
              <th className={th}>Número</th>
              <th className={th}>Proveedor</th>
              <th className={th}>Estado</th>
              <th className={th}>Creada</th>
              <th className={th}>Entrega</th>
              <th className={`${th} text-right`}>Ítems</th>
              <th className={`${th} text-right`}>Total</th>
            </tr>
          }
          empty={q.data?.length === 0 ? "No hay órdenes en ese estado." : undefined}
        >
          {(q.data ?? []).map((o) => (
            <tr key={o.id}>
              <td className={td}>
                <Link className="font-medium text-teal-800 hover:underline" href={`/${slug}/compras/ordenes/${o.id}`}>
                  {orderNumber(o.number)}
                </Link>
              </td>
              <td className={td}>{o.supplierName}</td>
              <td className={td}>
                <OrderStatusBadge status={o.status} />
              </td>
              <td className={td}>{formatDate(o.createdAt)}</td>
              <td className={td}>{day(o.expectedAt)}</td>
              <td className={num}>{o.lines}</td>
              <td className={num}>{formatMoney(o.total)}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}
