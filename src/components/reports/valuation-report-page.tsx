"use client";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { money, sum } from "@/lib/decimal";
import { Alert, Select } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/page";
import { ExportButtons, ReportTable, TableSkeleton, type Column } from "./report-table";

type Row = { key: string; name: string; quantity: string; fifo: string; lifo: string; average: string };
const GROUPS = { warehouse: "Depósito", product: "Producto", family: "Familia" } as const;

/**
 * Stock valuation: FIFO (the lots' real cost, Σ lots × cost) and weighted average; LIFO only as
 * a labelled what-if (IAS 2 does not allow it for reporting).
 */
export function ValuationReportPage() {
  const [groupBy, setGroupBy] = useState<keyof typeof GROUPS>("product");
  const q = trpc.inventory.valuation.useQuery({ groupBy });
  const rows = q.data ?? [];
  const columns: Column<Row>[] = [
    { key: "name", label: GROUPS[groupBy], kind: "text", value: (r) => r.name },
    { key: "quantity", label: "Cantidad", kind: "qty", value: (r) => (groupBy === "warehouse" ? null : r.quantity) },
    { key: "fifo", label: "FIFO (lotes al costo)", kind: "money", value: (r) => r.fifo },
    { key: "average", label: "Promedio ponderado", kind: "money", value: (r) => r.average },
    { key: "lifo", label: "LIFO (hipótesis, no admitido por NIC 2)", kind: "money", value: (r) => r.lifo },
  ];
  const totals = ["Total", null, money(sum(rows.map((r) => r.fifo))), money(sum(rows.map((r) => r.average))), money(sum(rows.map((r) => r.lifo)))];
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <label className="flex flex-col text-sm text-slate-700 print:hidden">
          Agrupar por
          <Select className="mt-1 w-48" value={groupBy} onChange={(e) => setGroupBy(e.target.value as keyof typeof GROUPS)}>
            {Object.entries(GROUPS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </Select>
        </label>
        <ExportButtons filename={`valorizacion-${groupBy}`} columns={columns} rows={rows} totals={totals} />
      </div>
      <Alert kind="info">
        LIFO se muestra solo como hipótesis: la NIC 2 no lo admite para valuar inventarios. Para la contabilidad usá FIFO (el costo real de los lotes) o el promedio ponderado.
      </Alert>
      <div className="mt-4">
        {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
        {q.isLoading ? <TableSkeleton /> : null}
        {q.data && rows.length === 0 ? <EmptyState title="No hay stock para valorizar">Recibí mercadería desde Compras o Inventario.</EmptyState> : null}
        {rows.length > 0 ? <ReportTable label="Valorización" columns={columns} rows={rows} rowKey={(r) => r.key} totals={totals} /> : null}
      </div>
    </div>
  );
}
