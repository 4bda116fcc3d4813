"use client";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import type { SalesRowT } from "@/lib/report-schemas";
import { presetPeriod, type Period, type PeriodPreset } from "@/lib/report-period";
import { Alert, Select } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/page";
import { PeriodPicker } from "./period-picker";
import { ExportButtons, ReportTable, TableSkeleton, type Column } from "./report-table";
import { ColumnChart, RankingChart } from "./charts";

const DIMENSIONS = {
  day: "Día",
  hour: "Hora",
  method: "Medio de pago",
  product: "Producto",
  category: "Categoría",
  register: "Caja",
  cashier: "Cajero",
} as const;
type Dim = keyof typeof DIMENSIONS;

function columnsFor(by: Dim): Column<SalesRowT>[] {
  const first: Column<SalesRowT> = { key: "label", label: DIMENSIONS[by], kind: "text", value: (r) => r.label };
  if (by === "method") {
    return [
      first,
      { key: "gross", label: "Cobrado", kind: "money", value: (r) => r.gross },
      { key: "voids", label: "Devuelto por anulaciones", kind: "money", value: (r) => r.voids },
      { key: "net", label: "Neto", kind: "money", value: (r) => r.net },
    ];
  }
  const units: Column<SalesRowT>[] =
    by === "product" || by === "category"
      ? [{ key: "quantity", label: "Unidades", kind: "qty", value: (r) => r.quantity }]
      : [{ key: "tickets", label: "Tickets", kind: "int", value: (r) => r.tickets }];
  return [
    first,
    ...units,
    { key: "gross", label: "Ventas brutas", kind: "money", value: (r) => r.gross },
    { key: "discount", label: "Descuentos", kind: "money", value: (r) => r.discount },
    { key: "voids", label: "Anulaciones", kind: "money", value: (r) => r.voids },
    { key: "net", label: "Ventas netas", kind: "money", value: (r) => r.net },
    { key: "cost", label: "Costo", kind: "money", value: (r) => r.cost },
    { key: "margin", label: "Margen", kind: "money", value: (r) => r.margin },
    { key: "marginPct", label: "Margen %", kind: "pct", value: (r) => r.marginPct },
  ];
}

/** Sales by one dimension with cost and margin; the figures reconcile with the dashboard. */
export function SalesReportPage({ today }: { today: string }) {
  const [preset, setPreset] = useState<PeriodPreset>("last30");
  const [period, setPeriod] = useState<Period>(presetPeriod("last30", today));
  const [by, setBy] = useState<Dim>("day");
  const q = trpc.reports.sales.useQuery({ ...period, by, orderBy: by === "day" || by === "hour" ? "key" : "net" });
  const columns = columnsFor(by);
  const rows = q.data?.rows ?? [];
  const t = q.data?.totals;
  const totals = t ? columns.map((c) => (c.key === "label" ? "Total" : (t as Record<string, string | number | null>)[c.key] ?? null)) : undefined;
  const hasSales = rows.some((r) => r.net !== "0.00" || r.gross !== "0.00");
  return (
    <div>
      <div className="mb-4 flex flex-col gap-3">
        <PeriodPicker today={today} preset={preset} period={period} onChange={(p, per) => (setPreset(p), setPeriod(per))} />
        <div className="flex flex-wrap items-end justify-between gap-3">
          <label className="flex flex-col text-sm text-slate-700 print:hidden">
            Agrupar por
            <Select className="mt-1 w-56" value={by} onChange={(e) => setBy(e.target.value as Dim)}>
              {Object.entries(DIMENSIONS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </Select>
          </label>
          <ExportButtons filename={`ventas-por-${by}-${period.from}-${period.to}`} columns={columns} rows={rows} totals={totals} />
        </div>
      </div>
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.isLoading ? <TableSkeleton /> : null}
      {q.data && !hasSales ? (
        <EmptyState title="No hay ventas en este período">Elegí un período más largo o revisá que las cajas estén vendiendo.</EmptyState>
      ) : null}
      {q.data && hasSales ? (
        <>
          <div className="mb-4 rounded-lg border border-slate-200 bg-white p-3">
            {by === "day" || by === "hour" ? (
              <ColumnChart title={`Ventas netas por ${DIMENSIONS[by].toLowerCase()}`} data={rows.map((r) => ({ label: by === "day" ? r.label.slice(0, 5) : r.label, value: Number(r.net), text: r.net }))} />
            ) : (
              <RankingChart
                title={`Ventas netas por ${DIMENSIONS[by].toLowerCase()} (las 12 primeras)`}
                data={rows.slice(0, 12).map((r) => ({ label: r.label, value: Number(r.net), text: r.net }))}
              />
            )}
          </div>
          <ReportTable label={`Ventas por ${DIMENSIONS[by].toLowerCase()}`} columns={columns} rows={rows} rowKey={(r) => r.key} totals={totals} />
          <p className="mt-2 text-xs text-slate-500">
            Ventas netas = brutas − descuentos − anulaciones. Las anulaciones cuentan el día en que se hicieron. El costo es el de los lotes consumidos.
          </p>
        </>
      ) : null}
    </div>
  );
}
