"use client";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import type { CashDeviationsT } from "@/lib/report-schemas";
import { presetPeriod, type Period, type PeriodPreset } from "@/lib/report-period";
import { Alert, Select } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/page";
import { PeriodPicker } from "./period-picker";
import { ExportButtons, ReportTable, TableSkeleton, type Column } from "./report-table";

type Row = CashDeviationsT["rows"][number];
const BY = { day: "Día", cashier: "Cajero", register: "Caja" } as const;

const columnsFor = (by: keyof typeof BY): Column<Row>[] => [
  { key: "label", label: BY[by], kind: "text", value: (r) => r.label },
  { key: "closings", label: "Cierres", kind: "int", value: (r) => r.closings },
  { key: "expected", label: "Esperado", kind: "money", value: (r) => r.expected },
  { key: "declared", label: "Declarado", kind: "money", value: (r) => r.declared },
  { key: "deviation", label: "Desvío neto", kind: "money", value: (r) => r.deviation },
  { key: "absDeviation", label: "Desvío absoluto", kind: "money", value: (r) => r.absDeviation },
  { key: "warning", label: "Con advertencia", kind: "int", value: (r) => r.warning },
  { key: "critical", label: "Críticos", kind: "int", value: (r) => r.critical },
  { key: "pendingReview", label: "Por justificar", kind: "int", value: (r) => r.pendingReview },
];

/** Blind-closing deviations by day, cashier or register. */
export function CashDeviationsPage({ today }: { today: string }) {
  const [preset, setPreset] = useState<PeriodPreset>("last30");
  const [period, setPeriod] = useState<Period>(presetPeriod("last30", today));
  const [by, setBy] = useState<keyof typeof BY>("cashier");
  const q = trpc.reports.cashDeviations.useQuery({ ...period, by });
  const columns = columnsFor(by);
  const rows = q.data?.rows ?? [];
  const t = q.data?.totals;
  const totals = t ? columns.map((c) => (c.key === "label" ? "Total" : (t as Record<string, string | number>)[c.key] ?? null)) : undefined;
  return (
    <div>
      <div className="mb-4 flex flex-col gap-3">
        <PeriodPicker today={today} preset={preset} period={period} onChange={(p, per) => (setPreset(p), setPeriod(per))} />
        <div className="flex flex-wrap items-end justify-between gap-3">
          <label className="flex flex-col text-sm text-slate-700 print:hidden">
            Agrupar por
            <Select className="mt-1 w-48" value={by} onChange={(e) => setBy(e.target.value as keyof typeof BY)}>
              {Object.entries(BY).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </Select>
          </label>
          <ExportButtons filename={`desvios-caja-${by}-${period.from}-${period.to}`} columns={columns} rows={rows} totals={totals} />
        </div>
      </div>
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.isLoading ? <TableSkeleton /> : null}
      {q.data && rows.length === 0 ? <EmptyState title="No hubo cierres de caja en este período">Los cierres ciegos de cada sesión aparecen acá.</EmptyState> : null}
      {rows.length > 0 ? (
        <>
          <ReportTable label="Desvíos de caja" columns={columns} rows={rows} rowKey={(r) => r.key} totals={totals} />
          <p className="mt-2 text-xs text-slate-500">Desvío = declarado − esperado; un faltante es negativo. El desvío absoluto suma faltantes y sobrantes sin que se compensen.</p>
        </>
      ) : null}
    </div>
  );
}
