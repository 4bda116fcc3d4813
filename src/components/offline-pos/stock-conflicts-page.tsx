"use client";

import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { formatDateTime, formatQty } from "@/lib/format";
import { CatalogConflictsSection } from "./catalog-conflicts-section";
import { TableFrame } from "@/components/ui/table-frame";
import { OpenConflictsSection } from "./open-conflicts-section";

/**
 * Supervisor review of oversold quantities from synced offline sales: the sale was
 * accepted (the server is the final truth); the supervisor checks the shelf and records
 * what happened (count correction, late receipt, theft…).
 */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function StockConflictsPage() {
  const [status, setStatus] = useState<"OPEN" | "RESOLVED">("OPEN");
  const utils = trpc.useUtils();
  const list = trpc.pos.stockConflicts.useQuery({ status });
  const resolve = trpc.pos.resolveStockConflict.useMutation({ onSuccess: () => utils.pos.stockConflicts.invalidate() });
  const [editing, setEditing] = useState<string | null>(null);
  const [note, setNote] = useState("");

  return (
    <div>
      <PageHeader
        title="Conflictos de stock"
        description="Ventas hechas sin conexión que, al sincronizarse, vendieron más de lo que había. Las ventas quedaron registradas; revisá el stock y anotá cómo se resolvió."
        actions={
          <div className="flex gap-1" role="tablist" aria-label="Estado">
            {(["OPEN", "RESOLVED"] as const).map((s) => (
              <Button key={s} role="tab" aria-selected={status === s} variant={status === s ? "primary" : "secondary"} onClick={() => setStatus(s)}>
                {s === "OPEN" ? "Pendientes" : "Resueltos"}
              </Button>
            ))}
          </div>
        }
      />
      {list.error && <p className="mb-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800">{errorMessage(list.error)}</p>}
      {resolve.error && <p className="mb-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800">{errorMessage(resolve.error)}</p>}
      {list.isLoading ? (
        <p className="text-slate-500">Cargando…</p>
      ) : !list.data?.length ? (
        <EmptyState title={status === "OPEN" ? "No hay conflictos pendientes" : "Todavía no se resolvió ningún conflicto"}>
          {status === "OPEN" ? "Cuando una venta offline venda sin stock suficiente, aparece acá." : null}
        </EmptyState>
      ) : (
        <Card>
          <TableFrame><table className="w-full text-sm" data-testid="stock-conflicts">
            <thead>
              <tr className="border-b text-left text-slate-600">
                <th className="py-2">Fecha</th>
                <th className="py-2">Ticket</th>
                <th className="py-2">Producto</th>
                <th className="py-2 text-right">Vendido</th>
                <th className="py-2 text-right">Faltante</th>
                <th className="py-2">{status === "OPEN" ? "" : "Resolución"}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((c) => (
                <tr key={c.id} className="border-b align-top">
                  <td className="py-2">{formatDateTime(c.createdAt)}</td>
                  <td className="py-2">#{c.ticketNumber}</td>
                  <td className="py-2">{c.productName}</td>
                  <td className="py-2 text-right tabular-nums">{formatQty(c.requested)}</td>
                  <td className="py-2 text-right font-medium tabular-nums text-amber-800">{formatQty(c.shortfall)}</td>
                  <td className="py-2">
                    {status === "RESOLVED" ? (
                      c.resolution
                    ) : editing === c.id ? (
                      <form
                        className="flex flex-wrap gap-2"
                        onSubmit={(e) => {
                          e.preventDefault();
                          resolve.mutate({ id: c.id, resolution: note }, { onSuccess: () => { setEditing(null); setNote(""); } });
                        }}
                      >
                        <input
                          aria-label="Cómo se resolvió"
                          className="min-w-56 flex-1 rounded border border-slate-300 px-2 py-1"
                          placeholder="Ej.: se contó y había 3; se ajustó el stock"
                          value={note}
                          onChange={(e) => setNote(e.target.value)}
                        />
                        <Button type="submit" busy={resolve.isPending} disabled={note.trim().length < 3}>
                          Marcar resuelto
                        </Button>
                        <Button type="button" variant="ghost" onClick={() => setEditing(null)}>
                          Cancelar
                        </Button>
                      </form>
                    ) : (
                      <Button variant="secondary" onClick={() => { setEditing(c.id); setNote(""); }}>
                        Resolver…
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table></TableFrame>
        </Card>
      )}
      <CatalogConflictsSection status={status} />
      <OpenConflictsSection status={status} />
    </div>
  );
}
