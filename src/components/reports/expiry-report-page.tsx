"use client";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import type { ExpiryT } from "@/lib/report-schemas";
import { formatDay, presetPeriod, type Period, type PeriodPreset } from "@/lib/report-period";
import { money as moneyWire, qty as qtyWire, sum } from "@/lib/decimal";
import { Alert } from "@/components/ui/field";
import { Card, EmptyState } from "@/components/ui/page";
import { PeriodPicker } from "./period-picker";
import { ExportButtons, ReportTable, TableSkeleton, type Column } from "./report-table";
import { RankingChart } from "./charts";
import { money, pct, qty } from "./format";

type Bucket = ExpiryT["buckets"][number];
type Lot = ExpiryT["lots"][number];
const BUCKET_COLUMNS: Column<Bucket>[] = [
  { key: "label", label: "Vencimiento", kind: "text", value: (r) => r.label },
  { key: "lots", label: "Lotes", kind: "int", value: (r) => r.lots },
  { key: "quantity", label: "Cantidad", kind: "qty", value: (r) => r.quantity },
  { key: "value", label: "Valor al costo", kind: "money", value: (r) => r.value },
];
const LOT_COLUMNS: Column<Lot>[] = [
  { key: "product", label: "Producto", kind: "text", value: (r) => r.product },
  { key: "lotNumber", label: "Lote", kind: "text", value: (r) => r.lotNumber ?? "—" },
  { key: "warehouse", label: "Depósito", kind: "text", value: (r) => r.warehouse },
  { key: "expiresAt", label: "Vence", kind: "text", value: (r) => formatDay(r.expiresAt) },
  { key: "daysLeft", label: "Días", kind: "int", value: (r) => r.daysLeft },
  { key: "quantity", label: "Cantidad", kind: "qty", value: (r) => r.quantity },
  { key: "value", label: "Valor al costo", kind: "money", value: (r) => r.value },
];

/** Lots by expiry bucket, the lots at risk, and what was sold vs. lost to expiry in the period. */
export function ExpiryReportPage({ today }: { today: string }) {
  const [preset, setPreset] = useState<PeriodPreset>("last30");
  const [period, setPeriod] = useState<Period>(presetPeriod("last30", today));
  const q = trpc.reports.expiry.useQuery(period);
  const d = q.data;
  const bucketTotals = d
    ? ["Total", d.buckets.reduce((a, b) => a + b.lots, 0), qtyWire(sum(d.buckets.map((b) => b.quantity))), moneyWire(sum(d.buckets.map((b) => b.value)))]
    : undefined;
  return (
    <div>
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.isLoading ? <TableSkeleton /> : null}
      {d ? (
        <div className="space-y-4">
          <Card title="Stock por vencimiento (hoy)">
            <div className="mb-3 flex justify-end">
              <ExportButtons filename={`vencimientos-${d.today}`} columns={BUCKET_COLUMNS} rows={d.buckets} totals={bucketTotals} />
            </div>
            <RankingChart title="Valor al costo por tramo de vencimiento" data={d.buckets.map((b) => ({ label: b.label, value: Number(b.value), text: b.value }))} valueLabel="Valor al costo" />
            <div className="mt-3">
              <ReportTable label="Stock por vencimiento" columns={BUCKET_COLUMNS} rows={d.buckets} rowKey={(r) => r.bucket} totals={bucketTotals} />
            </div>
          </Card>
          <Card title="Lotes vencidos o que vencen en 90 días">
            {d.lots.length === 0 ? (
              <EmptyState title="Ningún lote vence en los próximos 90 días">Cuando recibas mercadería con vencimiento, aparecerá acá.</EmptyState>
            ) : (
              <>
                <div className="mb-3 flex justify-end">
                  <ExportButtons filename={`lotes-por-vencer-${d.today}`} columns={LOT_COLUMNS} rows={d.lots} />
                </div>
                <ReportTable label="Lotes por vencer" columns={LOT_COLUMNS} rows={d.lots} rowKey={(r) => r.lotId} />
              </>
            )}
          </Card>
          <Card title="Vendido contra perdido por vencimiento">
            <PeriodPicker today={today} preset={preset} period={period} onChange={(p, per) => (setPreset(p), setPeriod(per))} />
            <dl className="mt-4 grid grid-cols-1 gap-3 sm:grid-cols-3">
              <div>
                <dt className="text-xs uppercase text-slate-500">Costo vendido (productos con vencimiento)</dt>
                <dd className="text-lg font-semibold tabular-nums">{money(d.losses.soldCost)}</dd>
              </div>
              <div>
                <dt className="text-xs uppercase text-slate-500">Costo perdido por vencimiento</dt>
                <dd className="text-lg font-semibold tabular-nums">
                  {money(d.losses.expiredCost)} <span className="text-sm font-normal text-slate-600">({qty(d.losses.expiredQuantity)} u.)</span>
                </dd>
              </div>
              <div>
                <dt className="text-xs uppercase text-slate-500">Pérdida sobre el total</dt>
                <dd className="text-lg font-semibold tabular-nums">{pct(d.losses.lossPct)}</dd>
              </div>
            </dl>
            <p className="mt-2 text-xs text-slate-500">Perdido = salidas que no son ventas (bajas, consumo, ajustes) de lotes en su fecha de vencimiento o después, al costo del lote.</p>
          </Card>
        </div>
      ) : null}
    </div>
  );
}
