"use client";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import type { RotationT } from "@/lib/report-schemas";
import { formatDay, presetPeriod, type Period, type PeriodPreset } from "@/lib/report-period";
import { money, qty, sum } from "@/lib/decimal";
import { Alert } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/page";
import { PeriodPicker } from "./period-picker";
import { ExportButtons, ReportTable, TableSkeleton, type Column } from "./report-table";

type Row = RotationT["rows"][number];
const COLUMNS: Column<Row>[] = [
  { key: "name", label: "Producto", kind: "text", value: (r) => r.name },
  { key: "sku", label: "SKU", kind: "text", value: (r) => r.sku },
  { key: "unitsSold", label: "Unidades vendidas", kind: "qty", value: (r) => r.unitsSold },
  { key: "cost", label: "Costo de lo vendido", kind: "money", value: (r) => r.cost },
  { key: "averageStock", label: "Stock promedio", kind: "qty", value: (r) => r.averageStock },
  { key: "stockNow", label: "Stock actual", kind: "qty", value: (r) => r.stockNow },
  { key: "daysOfStock", label: "Días de stock", kind: "qty", value: (r) => r.daysOfStock },
  { key: "turnover", label: "Rotación", kind: "qty", value: (r) => r.turnover },
  { key: "lastSale", label: "Última venta", kind: "text", value: (r) => (r.lastSale ? formatDay(r.lastSale) : "nunca") },
  { key: "dead", label: "Stock muerto", kind: "text", value: (r) => (r.dead ? "Sí" : "No") },
];

/** Rotation per product; "stock muerto" = stock on hand and no sale in the period. */
export function RotationReportPage({ today }: { today: string }) {
  const [preset, setPreset] = useState<PeriodPreset>("last30");
  const [period, setPeriod] = useState<Period>(presetPeriod("last30", today));
  const [onlyDead, setOnlyDead] = useState(false);
  const q = trpc.reports.rotation.useQuery({ ...period, onlyDead });
  const rows = q.data?.rows ?? [];
  const totals = COLUMNS.map((c) =>
    c.key === "name" ? "Total" : c.key === "unitsSold" ? qty(sum(rows.map((r) => r.unitsSold))) : c.key === "cost" ? money(sum(rows.map((r) => r.cost))) : c.key === "stockNow" ? qty(sum(rows.map((r) => r.stockNow))) : null,
  );
  return (
    <div>
      <div className="mb-4 flex flex-col gap-3">
        <PeriodPicker today={today} preset={preset} period={period} onChange={(p, per) => (setPreset(p), setPeriod(per))} />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <label className="flex items-center gap-2 text-sm text-slate-700 print:hidden">
            <input type="checkbox" checked={onlyDead} onChange={(e) => setOnlyDead(e.target.checked)} className="h-4 w-4" />
            Solo stock muerto (con stock y sin ventas en el período)
          </label>
          <ExportButtons filename={`rotacion-${period.from}-${period.to}`} columns={COLUMNS} rows={rows} totals={totals} />
        </div>
      </div>
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.isLoading ? <TableSkeleton /> : null}
      {q.data && rows.length === 0 ? (
        <EmptyState title={onlyDead ? "No hay stock muerto en este período" : "No hay productos con stock"}>Cargá stock desde Inventario o Compras para ver la rotación.</EmptyState>
      ) : null}
      {rows.length > 0 ? (
        <>
          <ReportTable label="Rotación" columns={COLUMNS} rows={rows} rowKey={(r) => r.productId} totals={totals} />
          <p className="mt-2 text-xs text-slate-500">
            Stock promedio = (stock al inicio + stock al final del período) ÷ 2, según los movimientos. Rotación = unidades vendidas ÷ stock promedio. Días de stock = stock actual ÷ venta
            diaria del período ({q.data?.days} días).
          </p>
        </>
      ) : null}
    </div>
  );
}
