"use client";
import Link from "next/link";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { formatMoney, formatQty } from "@/lib/format";
import { formatWhen } from "@/lib/counts/when";
import { countReportCsv } from "@/lib/counts/report-csv";
import { dec } from "@/lib/decimal";

/** The count's report: printable (the browser's print), and as CSV. */
export function ReportPage({ slug, countId }: { slug: string; countId: string }) {
  const r = trpc.counts.report.useQuery({ countId });
  if (r.error) return <Alert>{errorMessage(r.error)}</Alert>;
  if (!r.data) return <div role="status" className="h-64 animate-pulse rounded-lg bg-slate-200" aria-label="Cargando" />;
  const d = r.data;
  function download() {
    const blob = new Blob([countReportCsv(d.lines, d.totals)], { type: "text/csv;charset=utf-8" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `conteo-${d.count.name.replace(/[^\p{L}\p{N}]+/gu, "-").toLowerCase()}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  }
  const withDiff = d.lines.filter((l) => l.variance !== null && !dec(l.variance).isZero());
  return (
    <article className="space-y-4 print:text-xs">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">Informe de conteo: {d.count.name}</h1>
          <p className="text-sm text-slate-600">
            {d.count.warehouseName} · {d.count.statusLabel} · emitido {formatWhen(new Date())}
          </p>
        </div>
        <div className="flex gap-2 print:hidden">
          <Link className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm" href={`/${slug}/conteos/${countId}`}>
            Volver
          </Link>
          <Button variant="secondary" onClick={download}>
            Descargar CSV
          </Button>
          <Button onClick={() => window.print()}>Imprimir</Button>
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <div className="rounded border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-600">Faltante (unidades)</dt>
          <dd className="font-semibold text-red-700">{formatQty(d.totals.shrinkageQty)}</dd>
        </div>
        <div className="rounded border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-600">Faltante al costo</dt>
          <dd className="font-semibold text-red-700" data-testid="shrinkage-cost">{formatMoney(d.totals.shrinkageCost)}</dd>
        </div>
        <div className="rounded border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-600">Sobrante (unidades)</dt>
          <dd className="font-semibold text-emerald-700">{formatQty(d.totals.surplusQty)}</dd>
        </div>
        <div className="rounded border border-slate-200 bg-white p-3">
          <dt className="text-xs text-slate-600">Sobrante al costo</dt>
          <dd className="font-semibold text-emerald-700">{formatMoney(d.totals.surplusCost)}</dd>
        </div>
      </dl>
      <h2 className="text-base font-semibold">Diferencias ({withDiff.length} de {d.lines.length} líneas)</h2>
      {withDiff.length === 0 ? <p className="text-sm text-slate-600">Sin diferencias: lo contado coincide con el sistema.</p> : null}
      <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white text-sm">
        {withDiff.map((l) => (
          <li key={l.id} className="grid grid-cols-2 gap-2 p-2 md:grid-cols-[2fr_1fr_1fr_1fr_1fr_1.5fr]">
            <span className="col-span-2 min-w-0 truncate md:col-span-1">
              {l.productName}
              {l.lotNumber ? ` · lote ${l.lotNumber}` : ""}
            </span>
            <span className="tabular-nums">Contado {l.counted === null ? "—" : formatQty(l.counted)}</span>
            <span className="tabular-nums">Esperado {l.expected === null ? "—" : formatQty(l.expected)}</span>
            <span className="tabular-nums">Dif. {formatQty(l.variance!)}</span>
            <span className="tabular-nums">{l.varianceCost === null ? "—" : formatMoney(l.varianceCost)}</span>
            <span className="truncate text-slate-600">{l.counters.join(", ") || l.stateLabel}</span>
          </li>
        ))}
      </ul>
    </article>
  );
}
