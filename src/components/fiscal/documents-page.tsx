"use client";
import Link from "next/link";
import { useState } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import { trpc, errorMessage, type RouterOutputs } from "@/lib/trpc/react";
import { PageHeader, EmptyState } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime, formatMoney, formatDate } from "@/lib/format";
import { plural } from "@/lib/plural";
import { DOC_TIPO_LABEL } from "@/lib/afip-codes";
import { formatCuit } from "@/lib/cuit";
import { CaeaPanel } from "./caea-panel";
import { StatusBadge, docNumber, docTypeLabel, STATUS_LABEL } from "./labels";

type Row = RouterOutputs["fiscal"]["documents"]["rows"][number];
const REPORT_LABEL: Record<string, string> = { PENDING: "Por informar a ARCA", REPORTED: "Informado a ARCA", REJECTED: "Rechazado al informar" };
const FILTERS = [undefined, "PENDING", "ISSUED", "REJECTED", "ERROR"] as const;

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function FiscalDocumentsPage({ slug, canRetry, canConfigure }: { slug: string; canRetry: boolean; canConfigure: boolean }) {
  const [status, setStatus] = useState<(typeof FILTERS)[number]>(undefined);
  const [page, setPage] = useState(0);
  const pageSize = 25;
  const utils = trpc.useUtils();
  const docs = trpc.fiscal.documents.useQuery({ status, page, pageSize }, { refetchInterval: 10_000 });
  const retry = trpc.fiscal.retry.useMutation({ onSuccess: () => utils.fiscal.documents.invalidate() });
  const requeue = trpc.fiscal.requeuePending.useMutation({ onSuccess: () => utils.fiscal.documents.invalidate() });

  const columns: ColumnDef<Row, unknown>[] = [
    {
      header: "Comprobante",
      cell: ({ row }) => (
        <div>
          <Link href={`/${slug}/fiscal/comprobantes/${row.original.id}`} className="font-medium text-teal-800 hover:underline">
            {docTypeLabel(row.original.cbteTipo, row.original.kind)} {docNumber(row.original.pointOfSale, row.original.number)}
          </Link>
          <div className="text-xs text-slate-500">{formatDateTime(row.original.requestedAt)}</div>
        </div>
      ),
    },
    {
      header: "Receptor",
      cell: ({ row }) =>
        row.original.receiverDocType === 99 ? (
          "Consumidor final"
        ) : (
          <div>
            {row.original.receiverName ? <div>{row.original.receiverName}</div> : null}
            <div className="text-xs text-slate-500">
              {DOC_TIPO_LABEL[row.original.receiverDocType] ?? ""}{" "}
              {row.original.receiverDocType === 80 ? formatCuit(row.original.receiverDocNumber) : row.original.receiverDocNumber}
            </div>
          </div>
        ),
    },
    { header: "Total", cell: ({ row }) => <span className="tabular-nums">{formatMoney(row.original.total)}</span> },
    {
      header: "Estado y mensajes de ARCA",
      cell: ({ row }) => {
        const msgs = [...row.original.errors, ...row.original.observations];
        return (
          <div className="max-w-xs space-y-1 whitespace-normal">
            <StatusBadge status={row.original.status} />
            {msgs.length ? (
              <ul className="space-y-0.5 text-xs text-slate-700">
                {msgs.map((m, i) => (
                  <li key={i}>
                    <span className="font-mono">{m.code}</span> {m.msg}
                  </li>
                ))}
              </ul>
            ) : row.original.lastError && row.original.status !== "ISSUED" ? (
              <p className="text-xs text-slate-700">{row.original.lastError}</p>
            ) : null}
            {canRetry && (row.original.status === "ERROR" || row.original.status === "REJECTED") ? (
              <Button
                variant="secondary"
                className="px-2 py-1 text-xs"
                busy={retry.isPending && retry.variables?.id === row.original.id}
                onClick={() => retry.mutate({ id: row.original.id })}
              >
                Reintentar
              </Button>
            ) : null}
          </div>
        );
      },
    },
    {
      header: "CAE / CAEA",
      cell: ({ row }) =>
        row.original.cae ? (
          <span className="font-mono text-xs">
            {row.original.authType === "CAEA" ? <span className="mr-1 rounded bg-amber-100 px-1 font-sans text-amber-900">CAEA</span> : null}
            {row.original.cae}
            {row.original.authType === "CAEA" ? <span className="block font-sans text-slate-500">{REPORT_LABEL[row.original.reportStatus ?? "PENDING"]}</span> : null}
            {row.original.caeDueDate ? <span className="block text-slate-500">vence {formatDate(`${row.original.caeDueDate}T12:00:00`)}</span> : null}
          </span>
        ) : (
          "—"
        ),
    },
  ];

  const pending = docs.data?.byStatus.PENDING ?? 0;
  return (
    <div>
      <PageHeader
        title="Facturación ARCA (ex AFIP)"
        description="Facturas y notas de crédito electrónicas. Se emiten en segundo plano después de cada venta; la venta nunca espera a ARCA. Si ARCA no responde, las cajas siguen por CAEA (contingencia)."
        actions={
          canConfigure ? (
            <Link href={`/${slug}/fiscal/configuracion`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
              Configuración fiscal
            </Link>
          ) : null
        }
      />
      <div className="mb-4">
        <CaeaPanel canIssue={canRetry} canConfigure={canConfigure} />
      </div>
      {pending > 0 ? (
        <div className="mb-4">
          <Alert kind="info">
            {pending === 1 ? "Hay 1 comprobante pendiente" : `Hay ${plural(pending, "comprobante")} pendientes`} de emisión. Se emiten solos en unos minutos; si
            ARCA o el servicio de emisión no responden, quedan pendientes y se reintentan automáticamente.{" "}
            {canRetry ? (
              <button className="font-medium underline" disabled={requeue.isPending} onClick={() => requeue.mutate()}>
                {requeue.isPending ? "Enviando…" : requeue.data ? `Reenviados ${requeue.data.requested}` : "Reenviar ahora"}
              </button>
            ) : null}
          </Alert>
        </div>
      ) : null}
      <div className="mb-3 flex flex-wrap gap-2" role="tablist" aria-label="Filtrar por estado">
        {FILTERS.map((f) => (
          <button
            key={f ?? "all"}
            role="tab"
            aria-selected={status === f}
            onClick={() => {
              setStatus(f);
              setPage(0);
            }}
            className={`rounded-full border px-3 py-1 text-sm ${status === f ? "border-teal-700 bg-teal-700 text-white" : "border-slate-300 bg-white text-slate-700"}`}
          >
            {f ? STATUS_LABEL[f] : "Todos"}
            {f && docs.data?.byStatus[f] ? ` (${docs.data.byStatus[f]})` : ""}
          </button>
        ))}
      </div>
      {docs.error ? <Alert>{errorMessage(docs.error)}</Alert> : null}
      {retry.error ? <Alert>{errorMessage(retry.error)}</Alert> : null}
      <DataTable
        columns={columns}
        data={docs.data?.rows ?? []}
        total={docs.data?.total ?? 0}
        page={page}
        pageSize={pageSize}
        onPageChange={setPage}
        loading={docs.isLoading}
        rowKey={(r) => r.id}
        empty={<EmptyState title="Todavía no hay comprobantes">Cuando vendas desde una caja con facturación electrónica, los comprobantes aparecen acá.</EmptyState>}
      />
    </div>
  );
}
