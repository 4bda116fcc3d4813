"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { formatMoney } from "@/lib/number";
import { BATCH_STATUS_LABELS, Badge, BillingTabs, DOC_STATUS_LABELS, Skeleton, Table, day, dayTime, docLabel, main, num, td, th, useCan, wide } from "./common";
import { CreateBatchDialog } from "./create-batch-dialog";

const FINAL = new Set(["PROCESSED", "PROCESSED_WITH_ERRORS", "ERROR", "CANCELLED"]);
const tone = (s: string) => (s === "PROCESSED" ? "ok" : s === "ERROR" ? "bad" : s === "PROCESSED_WITH_ERRORS" ? "warn" : s === "CANCELLED" ? "muted" : "info");

export function BatchesPage({ slug }: { slug: string }) {
  const q = trpc.billing.batches.useQuery(undefined, { refetchInterval: (query) => (query.state.data?.some((b) => !FINAL.has(b.status)) ? 2000 : false) });
  const canWrite = useCan("billing.write");
  const [creating, setCreating] = useState(false);
  return (
    <div>
      <BillingTabs slug={slug} />
      <PageHeader
        title="Lotes de facturación"
        description="Cada lote emite una factura por cliente con sus cargos pendientes. Se procesa en segundo plano; un rechazo no frena a los demás."
        actions={canWrite ? <Button onClick={() => setCreating(true)}>Nuevo lote</Button> : null}
      />
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.isLoading ? <Skeleton /> : null}
      {q.data && q.data.length === 0 ? (
        <EmptyState title="Todavía no hay lotes" action={canWrite ? <Button onClick={() => setCreating(true)}>Crear el primero</Button> : null}>
          Creá un lote a fin de mes para facturar las cuentas corrientes y los folios cerrados a cuenta de empresas.
        </EmptyState>
      ) : q.data ? (
        <Table
          head={
            <tr>
              <th className={th}>Creado</th>
              <th className={`${th} ${wide}`}>Emisión</th>
              <th className={`${th} ${wide}`}>Período</th>
              <th className={`${th} ${wide}`}>Estado</th>
              <th className={`${th} text-right`}>Avance</th>
              <th className={`${th} text-right`}>Importe</th>
            </tr>
          }
        >
          {q.data.map((b) => (
            <tr key={b.id}>
              <td className={`${td} ${main}`}>
                <Link href={`/${slug}/facturacion/lotes/${b.id}`} className="font-medium text-teal-800 hover:underline">
                  {dayTime(b.createdAt)}
                </Link>
                <span className="block text-xs text-slate-600 sm:hidden">
                  {BATCH_STATUS_LABELS[b.status]} · PV {b.pointOfSale}
                </span>
              </td>
              <td className={`${td} ${wide}`}>
                {day(b.issueDate)} · PV {b.pointOfSale}
              </td>
              <td className={`${td} ${wide}`}>{b.periodFrom || b.periodTo ? `${day(b.periodFrom)} → ${day(b.periodTo)}` : "—"}</td>
              <td className={`${td} ${wide}`}>
                <Badge tone={tone(b.status)}>{BATCH_STATUS_LABELS[b.status]}</Badge>
              </td>
              <td className={num}>
                {b.issued + b.errors}/{b.total - b.cancelled}
                {b.errors ? <span className="ml-1 text-red-700">({b.errors} con error)</span> : null}
              </td>
              <td className={num}>{formatMoney(b.amount)}</td>
            </tr>
          ))}
        </Table>
      ) : null}
      {creating ? <CreateBatchDialog slug={slug} customerIds={[]} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function BatchDetail({ slug, id }: { slug: string; id: string }) {
  const utils = trpc.useUtils();
  const q = trpc.billing.batch.useQuery({ id }, { refetchInterval: (query) => (query.state.data && FINAL.has(query.state.data.batch.status) ? false : 1000) });
  const canWrite = useCan("billing.write");
  const [confirm, setConfirm] = useState<"retry" | "cancel" | null>(null);
  const done = () => {
    void utils.billing.batch.invalidate({ id });
    setConfirm(null);
  };
  const retry = trpc.billing.retryBatch.useMutation({ onSuccess: done, onError: () => setConfirm(null) });
  const cancel = trpc.billing.cancelBatch.useMutation({ onSuccess: done, onError: () => setConfirm(null) });
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  if (!q.data) return <Skeleton rows={6} />;
  const { batch, documents } = q.data;
  const total = batch.total - batch.cancelled;
  const doneCount = batch.issued + batch.errors;
  const pct = total ? Math.round((doneCount / total) * 100) : 100;
  const queued = documents.some((d) => d.status === "QUEUED");
  return (
    <div>
      <BillingTabs slug={slug} />
      <PageHeader
        title={`Lote del ${day(batch.issueDate)} · PV ${batch.pointOfSale}`}
        description={batch.periodFrom || batch.periodTo ? `Cargos del ${day(batch.periodFrom)} al ${day(batch.periodTo)}` : undefined}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`/${slug}/facturacion/comprobantes?lote=${id}`} className="inline-flex min-h-10 items-center rounded-md px-3 text-sm text-teal-800 underline">
              Ver en comprobantes
            </Link>
            {canWrite ? (
              <>
              {batch.errors > 0 && FINAL.has(batch.status) ? <Button onClick={() => setConfirm("retry")}>Reintentar los fallidos</Button> : null}
              {queued ? (
                <Button variant="secondary" onClick={() => setConfirm("cancel")}>
                  Cancelar lo no iniciado
                </Button>
              ) : null}
              </>
            ) : null}
          </div>
        }
      />
      <div className="mb-4 space-y-2" aria-live="polite">
        <div className="flex flex-wrap items-center gap-3">
          <Badge tone={tone(batch.status)}>{BATCH_STATUS_LABELS[batch.status]}</Badge>
          <span className="text-sm text-slate-700" data-testid="batch-progress">
            {doneCount} de {total} comprobantes · {batch.issued} emitidos · {batch.errors} con error
          </span>
          <span className="text-sm font-semibold tabular-nums">{formatMoney(batch.amount)}</span>
        </div>
        <div className="h-2 w-full overflow-hidden rounded bg-slate-100" role="progressbar" aria-valuenow={pct} aria-valuemin={0} aria-valuemax={100} aria-label="Avance del lote">
          <div className="h-full bg-teal-600 transition-all" style={{ width: `${pct}%` }} />
        </div>
      </div>
      {retry.error ? <Alert>{errorMessage(retry.error)}</Alert> : null}
      {cancel.error ? <Alert>{errorMessage(cancel.error)}</Alert> : null}
      <Table
        head={
          <tr>
            <th className={th}>Cliente</th>
            <th className={`${th} ${wide}`}>Comprobante</th>
            <th className={`${th} ${wide}`}>Estado</th>
            <th className={`${th} text-right`}>Importe</th>
            <th className={`${th} ${wide}`}>CAE / mensaje de ARCA</th>
          </tr>
        }
      >
        {documents.map((d) => (
          <tr key={d.id}>
            <td className={`${td} ${main}`}>
              <Link href={`/${slug}/facturacion/cuentas/${d.customerId}`} className="text-teal-800 hover:underline">
                {d.customerName}
              </Link>
              <span className="block whitespace-normal text-xs text-slate-600 sm:hidden">
                {docLabel(d.cbteTipo, d.pointOfSale, d.number)} · {DOC_STATUS_LABELS[d.status]}
                {d.status === "ISSUED" ? ` · CAE ${d.cae}` : d.lastError ? ` · ${d.lastError}` : ""}
              </span>
            </td>
            <td className={`${td} ${wide}`}>{docLabel(d.cbteTipo, d.pointOfSale, d.number)}</td>
            <td className={`${td} ${wide}`}>
              <Badge tone={d.status === "ISSUED" ? "ok" : d.status === "ERROR" ? "bad" : d.status === "CANCELLED" ? "muted" : "info"}>{DOC_STATUS_LABELS[d.status]}</Badge>
            </td>
            <td className={num}>{formatMoney(d.total)}</td>
            <td className={`${td} ${wide} max-w-md whitespace-normal text-xs`}>{d.status === "ISSUED" ? `CAE ${d.cae}` : (d.lastError ?? "")}</td>
          </tr>
        ))}
      </Table>
      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(o) => !o && setConfirm(null)}
        title={confirm === "retry" ? "¿Reintentar los comprobantes con error?" : "¿Cancelar los comprobantes que no empezaron?"}
        description={confirm === "retry" ? "Los rechazados se vuelven a pedir con los datos actuales del cliente." : "Sus cargos vuelven a pendientes. Lo ya enviado a ARCA no se cancela."}
        confirmLabel={confirm === "retry" ? "Reintentar" : "Cancelar comprobantes"}
        busy={retry.isPending || cancel.isPending}
        onConfirm={() => (confirm === "retry" ? retry.mutate({ id }) : cancel.mutate({ id }))}
      />
    </div>
  );
}
