"use client";

import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/page";
import { formatDateTime, formatMoney } from "@/lib/format";
import { TableFrame } from "@/components/ui/table-frame";

const KIND_LABEL = { PRICE: "Precio distinto", INACTIVE: "Producto desactivado" } as const;

/**
 * Offline sales accepted at a price the product never had while the terminal could have been
 * offline, or of a product already deactivated: the sale stands, the supervisor reviews it.
 */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function CatalogConflictsSection({ status }: { status: "OPEN" | "RESOLVED" }) {
  const utils = trpc.useUtils();
  const list = trpc.pos.catalogConflicts.useQuery({ status });
  const resolve = trpc.pos.resolveCatalogConflict.useMutation({ onSuccess: () => utils.pos.catalogConflicts.invalidate() });
  const [editing, setEditing] = useState<string | null>(null);
  const [note, setNote] = useState("");
  return (
    <section className="mt-8" aria-labelledby="catalog-conflicts-title">
      <h2 id="catalog-conflicts-title" className="mb-1 text-lg font-semibold">
        Precios y productos
      </h2>
      <p className="mb-3 text-sm text-slate-600">Ventas sin conexión cobradas a un precio que el producto no tuvo, o de un producto que ya estaba desactivado.</p>
      {list.error && <p className="mb-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800">{errorMessage(list.error)}</p>}
      {resolve.error && <p className="mb-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800">{errorMessage(resolve.error)}</p>}
      {list.isLoading ? (
        <div role="status" className="h-24 animate-pulse rounded bg-slate-100" aria-label="Cargando" />
      ) : !list.data?.length ? (
        <EmptyState title={status === "OPEN" ? "No hay ventas con precios a revisar" : "Todavía no se resolvió ninguna"}>
          {status === "OPEN" ? "Si una venta sin conexión llega con un precio que el producto no tuvo, aparece acá." : null}
        </EmptyState>
      ) : (
        <Card>
          <TableFrame>
            <table className="w-full text-sm" data-testid="catalog-conflicts">
              <thead>
                <tr className="border-b text-left text-slate-500">
                  <th className="py-2">Fecha</th>
                  <th className="py-2">Ticket</th>
                  <th className="py-2">Producto</th>
                  <th className="py-2">Motivo</th>
                  <th className="py-2 text-right">Cobrado</th>
                  <th className="py-2 text-right">Lista</th>
                  <th className="py-2">Cajero</th>
                  <th className="py-2">{status === "OPEN" ? "" : "Resolución"}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((c) => (
                  <tr key={c.id} className="border-b align-top">
                    <td className="py-2">{formatDateTime(c.createdAt)}</td>
                    <td className="py-2">#{c.ticketNumber}</td>
                    <td className="py-2">{c.productName}</td>
                    <td className="py-2">{KIND_LABEL[c.kind]}</td>
                    <td className="py-2 text-right tabular-nums">{formatMoney(c.chargedPrice)}</td>
                    <td className="py-2 text-right tabular-nums">{formatMoney(c.catalogPrice)}</td>
                    <td className="py-2">{c.cashierName ?? "—"}</td>
                    <td className="py-2">
                      {status === "RESOLVED" ? (
                        c.resolution
                      ) : editing === c.id ? (
                        <form
                          className="flex flex-wrap gap-2"
                          onSubmit={(e) => {
                            e.preventDefault();
                            resolve.mutate({ id: c.id, resolution: note }, { onSuccess: () => (setEditing(null), setNote("")) });
                          }}
                        >
                          <input
                            aria-label="Cómo se resolvió"
                            className="min-w-56 flex-1 rounded border border-slate-300 px-2 py-1"
                            placeholder="Ej.: precio de oferta autorizado"
                            value={note}
                            maxLength={500}
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
                        <Button variant="secondary" onClick={() => (setEditing(c.id), setNote(""))}>
                          Resolver…
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </Card>
      )}
    </section>
  );
}
