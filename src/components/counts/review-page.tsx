"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc, errorMessage, type RouterOutputs } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert, Input } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page";
import { formatMoney, formatQty } from "@/lib/format";
import { CountStatusBadge } from "./counts-page";
import { ReviewLine } from "./review-line";

type Review = RouterOutputs["counts"]["review"];
type Filter = "all" | "differences" | "over" | "uncounted" | "recount" | "ready";
const FILTERS: { id: Filter; label: string }[] = [
  { id: "all", label: "Todas" },
  { id: "differences", label: "Con diferencias" },
  { id: "over", label: "Sobre el umbral" },
  { id: "uncounted", label: "No contadas" },
  { id: "recount", label: "Reconteos" },
  { id: "ready", label: "Listas para ajustar" },
];

/** The manager's review: counted vs expected per product and lot, recounts, decisions, apply. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function ReviewPage({ slug, countId }: { slug: string; countId: string }) {
  const utils = trpc.useUtils();
  const [filter, setFilter] = useState<Filter>("all");
  const [search, setSearch] = useState("");
  const review = trpc.counts.review.useQuery({ countId, filter, search: search || undefined, limit: 200 }, { refetchInterval: 15_000 });
  const refresh = () => utils.counts.review.invalidate({ countId });
  const status = trpc.counts.changeStatus.useMutation({ onSuccess: refresh });
  const recount = trpc.counts.requestRecount.useMutation({ onSuccess: refresh });
  const resolve = trpc.counts.resolveUncounted.useMutation({ onSuccess: refresh });
  const apply = trpc.counts.applyLines.useMutation({ onSuccess: refresh });
  const [confirm, setConfirm] = useState<null | "close" | "cancel" | "apply">(null);
  const [notice, setNotice] = useState<string | null>(null);
  const error = status.error ?? recount.error ?? resolve.error ?? apply.error;

  const d: Review | undefined = review.data;
  if (review.error) return <Alert>{errorMessage(review.error)}</Alert>;
  if (!d) return <div role="status" className="h-64 animate-pulse rounded-lg bg-slate-200" aria-label="Cargando" />;
  const s = d.count.status;
  const by = d.totals.byState;

  async function applyAll() {
    const r = await apply.mutateAsync({ countId });
    setConfirm(null);
    setNotice(
      `Se ajustaron ${r.applied} líneas` +
        (r.skipped ? `, ${r.skipped} quedan como estaban` : "") +
        (r.pending ? `; ${r.pending} esperan reconteo o decisión` : "") +
        (r.failed.length ? `; ${r.failed.length} no se pudieron ajustar` : "") +
        ".",
    );
  }

  return (
    <div className="space-y-5">
      <PageHeader
        title={d.count.name}
        description={`${d.count.warehouseName}${d.count.thresholdPct ? ` · reconteo si difiere más de ${formatQty(d.count.thresholdPct)} %` : ""}${d.count.thresholdMoney ? ` o ${formatMoney(d.count.thresholdMoney)}` : ""}`}
        actions={
          <>
            <CountStatusBadge status={s} label={d.count.statusLabel} />
            <Link className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm" href={`/${slug}/conteos/${countId}/informe`}>
              Informe
            </Link>
            {s === "OPEN" || s === "COUNTING" ? (
              <>
                <Link className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm" href={`/${slug}/conteos/${countId}/contar`}>
                  Contar
                </Link>
                <Button onClick={() => setConfirm("close")}>Cerrar y revisar</Button>
              </>
            ) : null}
            {s === "REVIEW" ? (
              <Button onClick={() => setConfirm("apply")} busy={apply.isPending}>
                Ajustar las listas
              </Button>
            ) : null}
            {s !== "APPLIED" && s !== "CANCELLED" ? (
              <Button variant="ghost" onClick={() => setConfirm("cancel")}>
                Cancelar conteo
              </Button>
            ) : null}
          </>
        }
      />
      {error ? <Alert>{errorMessage(error)}</Alert> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}

      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Líneas" value={String(d.totals.lines)} />
        <Stat label="Faltante" value={`${formatQty(d.totals.shrinkageQty)} u · ${formatMoney(d.totals.shrinkageCost)}`} tone="text-red-700" />
        <Stat label="Sobrante" value={`${formatQty(d.totals.surplusQty)} u · ${formatMoney(d.totals.surplusCost)}`} tone="text-emerald-700" />
        <Stat label="Por resolver" value={String((by.NEEDS_RECOUNT ?? 0) + (by.WAITING_RECOUNT ?? 0) + (by.UNDECIDED ?? 0) + (by.FAILED ?? 0))} />
      </dl>

      {s === "REVIEW" && (by.NEEDS_RECOUNT || by.UNDECIDED) ? (
        <div className="flex flex-wrap gap-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
          {by.NEEDS_RECOUNT ? (
            <Button variant="secondary" busy={recount.isPending} onClick={() => recount.mutate({ countId })}>
              Pedir reconteo de las {by.NEEDS_RECOUNT} sobre el umbral
            </Button>
          ) : null}
          {by.UNDECIDED ? (
            <>
              <Button variant="secondary" busy={resolve.isPending} onClick={() => resolve.mutate({ countId, decision: "KEEP" })}>
                No contadas ({by.UNDECIDED}): dejar como están
              </Button>
              <Button variant="secondary" busy={resolve.isPending} onClick={() => resolve.mutate({ countId, decision: "ZERO" })}>
                No contadas: poner en cero
              </Button>
            </>
          ) : null}
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Filtrar líneas">
        {FILTERS.map((f) => (
          <button
            key={f.id}
            type="button"
            aria-pressed={filter === f.id}
            onClick={() => setFilter(f.id)}
            className={`rounded-full border px-3 py-1.5 text-sm ${filter === f.id ? "border-teal-700 bg-teal-700 text-white" : "border-slate-300 bg-white text-slate-700"}`}
          >
            {f.label}
          </button>
        ))}
        <Input className="max-w-xs" placeholder="Buscar producto, SKU o lote" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Buscar en el conteo" />
      </div>

      <div className="hidden grid-cols-[minmax(0,2fr)_repeat(4,minmax(0,1fr))_minmax(0,1.6fr)] gap-x-4 px-3 text-xs font-medium uppercase text-slate-500 md:grid" aria-hidden>
        <span>Producto</span>
        <span className="text-right">Contado</span>
        <span className="text-right">Esperado</span>
        <span className="text-right">Diferencia</span>
        <span className="text-right">Al costo</span>
        <span className="text-right">Estado</span>
      </div>
      {d.lines.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {s === "OPEN" || s === "COUNTING" ? "Todavía no hay cargas. Cuando alguien cuente, las líneas aparecen acá." : "No hay líneas con este filtro."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Líneas del conteo">
          {d.lines.map((l) => (
            <ReviewLine
              key={l.id}
              line={l}
              reviewing={s === "REVIEW"}
              busy={apply.isPending || recount.isPending || resolve.isPending}
              onApply={() => apply.mutate({ countId, lineIds: [l.id] })}
              onRecount={() => recount.mutate({ countId, lineIds: [l.id] })}
              onResolve={(decision) => resolve.mutate({ countId, lineIds: [l.id], decision })}
            />
          ))}
        </ul>
      )}
      {d.matched > d.lines.length ? <p className="text-sm text-slate-600">Se muestran {d.lines.length} de {d.matched}. Usá los filtros o la búsqueda.</p> : null}

      <ConfirmDialog
        open={confirm !== null}
        onOpenChange={(o) => (o ? null : setConfirm(null))}
        title={confirm === "close" ? "¿Cerrar el conteo y pasar a revisión?" : confirm === "cancel" ? "¿Cancelar el conteo?" : "¿Ajustar el stock?"}
        description={
          confirm === "close"
            ? "Quienes cuentan ya no podrán cargar, salvo los reconteos que pidas. Se listan los productos con stock que nadie contó."
            : confirm === "cancel"
              ? "No se ajusta nada y el conteo queda cancelado."
              : "Se ajustan las líneas listas con movimientos de auditoría. Las que esperan reconteo o decisión quedan para después."
        }
        confirmLabel={confirm === "close" ? "Cerrar conteo" : confirm === "cancel" ? "Cancelar conteo" : "Ajustar"}
        busy={status.isPending || apply.isPending}
        onConfirm={() => {
          if (confirm === "apply") return void applyAll();
          status.mutate({ countId, action: confirm === "close" ? "close" : "cancel" }, { onSettled: () => setConfirm(null) });
        }}
      />
    </div>
  );
}

function Stat({ label, value, tone = "text-slate-900" }: { label: string; value: string; tone?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <dt className="text-xs text-slate-600">{label}</dt>
      <dd className={`mt-1 text-base font-semibold ${tone}`}>{value}</dd>
    </div>
  );
}
