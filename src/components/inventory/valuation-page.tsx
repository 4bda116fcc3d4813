"use client";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { Alert, Select } from "@/components/ui/field";
import { formatMoney, formatQty } from "@/lib/format";
import { dec, sum } from "@/lib/decimal";
import { InventoryTabs } from "./common";
import { TableFrame } from "@/components/ui/table-frame";

const GROUPS = { warehouse: "Depósito", product: "Producto", family: "Familia" } as const;

/** Stock value by FIFO (remaining lots), LIFO and weighted average, computed in SQL. */
export function ValuationPage() {
  const [groupBy, setGroupBy] = useState<keyof typeof GROUPS>("warehouse");
  const [warehouseId, setWarehouseId] = useState("");
  const warehouses = trpc.inventory.warehouses.useQuery();
  const rows = trpc.inventory.valuation.useQuery({ groupBy, warehouseId: warehouseId || undefined });
  const total = (k: "fifo" | "lifo" | "average") => sum((rows.data ?? []).map((r) => dec(r[k])));
  return (
    <div>
      <PageHeader
        title="Valorización del stock"
        description="FIFO: los lotes que quedan a su costo real. LIFO: lo que queda valuado a los primeros ingresos. Promedio ponderado: lo que queda al costo promedio de todo lo ingresado."
      />
      <InventoryTabs />
      <div className="mb-4 grid gap-3 sm:grid-cols-4">
        <Select aria-label="Agrupar por" value={groupBy} onChange={(e) => setGroupBy(e.target.value as keyof typeof GROUPS)}>
          {Object.entries(GROUPS).map(([k, v]) => (
            <option key={k} value={k}>
              Por {v.toLowerCase()}
            </option>
          ))}
        </Select>
        <Select aria-label="Depósito" value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)}>
          <option value="">Todos los depósitos</option>
          {warehouses.data?.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </Select>
      </div>
      {rows.error ? <Alert>{errorMessage(rows.error)}</Alert> : null}
      {rows.data?.length === 0 ? <EmptyState title="No hay stock para valorizar" /> : null}
      {rows.data?.length ? (
        <TableFrame className="rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" aria-label="Valorización">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2 font-medium">{GROUPS[groupBy]}</th>
                <th className="px-3 py-2 text-right font-medium">Cantidad{groupBy === "family" ? " (unidad base)" : ""}</th>
                <th className="px-3 py-2 text-right font-medium">FIFO</th>
                <th className="px-3 py-2 text-right font-medium">LIFO</th>
                <th className="px-3 py-2 text-right font-medium">Promedio ponderado</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.map((r) => (
                <tr key={r.key} className="border-t border-slate-100">
                  <td className="px-3 py-2">{r.name}</td>
                  <td className="px-3 py-2 text-right">{groupBy === "warehouse" ? "—" : formatQty(r.quantity)}</td>
                  <td className="px-3 py-2 text-right">{formatMoney(r.fifo)}</td>
                  <td className="px-3 py-2 text-right">{formatMoney(r.lifo)}</td>
                  <td className="px-3 py-2 text-right">{formatMoney(r.average)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t border-slate-200 font-semibold">
                <td className="px-3 py-2">Total</td>
                <td />
                <td className="px-3 py-2 text-right">{formatMoney(total("fifo"))}</td>
                <td className="px-3 py-2 text-right">{formatMoney(total("lifo"))}</td>
                <td className="px-3 py-2 text-right">{formatMoney(total("average"))}</td>
              </tr>
            </tfoot>
          </table>
        </TableFrame>
      ) : null}
    </div>
  );
}
