"use client";

import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/page";
import { formatDateTime, formatMoney } from "@/lib/format";

const STATUS = { OPEN: "abierta", CLOSED: "cerrada" } as const;

/**
 * Shifts opened on a terminal without connection while another session was open on the same
 * register: both were kept (the sales happened); the supervisor compares them and records
 * what was decided. The server checks the review permission for listing and resolving.
 */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function OpenConflictsSection({ status }: { status: "OPEN" | "RESOLVED" }) {
  const utils = trpc.useUtils();
  const list = trpc.pos.openConflicts.useQuery({ status });
  const resolve = trpc.pos.resolveOpenConflict.useMutation({ onSuccess: () => utils.pos.openConflicts.invalidate() });
  const [editing, setEditing] = useState<string | null>(null);
  const [note, setNote] = useState("");
  return (
    <section className="mt-8" aria-labelledby="open-conflicts-title">
      <h2 id="open-conflicts-title" className="mb-1 text-lg font-semibold">
        Aperturas de caja en conflicto
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        Cajas abiertas sin conexión mientras otra sesión ya estaba abierta en la misma caja. Las dos quedaron registradas con sus ventas; revisalas y anotá qué se decidió.
      </p>
      {list.error && <p className="mb-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800">{errorMessage(list.error)}</p>}
      {resolve.error && <p className="mb-3 rounded bg-red-50 px-3 py-2 text-sm text-red-800">{errorMessage(resolve.error)}</p>}
      {list.isLoading ? (
        <div role="status" className="h-24 animate-pulse rounded bg-slate-100" aria-label="Cargando" />
      ) : !list.data?.length ? (
        <EmptyState title={status === "OPEN" ? "No hay aperturas en conflicto" : "Todavía no se resolvió ninguna"}>
          {status === "OPEN" ? "Si una caja se abre sin conexión mientras otra sesión está abierta en esa caja, aparece acá al sincronizarse." : null}
        </EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="open-conflicts">
          {list.data.map((c) => (
            <li key={c.id}>
              <Card>
                <div className="grid gap-3 text-sm sm:grid-cols-2">
                  <div className="min-w-0">
                    <p className="font-medium break-words">
                      {c.registerName} · abierta sin conexión por {c.openedByName ?? "—"}
                    </p>
                    <p className="text-slate-600">
                      {formatDateTime(c.openedAt)} · fondo {formatMoney(c.openingFloat)} · {STATUS[c.status]}
                    </p>
                    <p className="text-slate-600">
                      {c.sales} {c.sales === 1 ? "venta" : "ventas"} por {formatMoney(c.salesTotal)}
                    </p>
                  </div>
                  <div className="min-w-0 text-slate-600">
                    {c.other ? (
                      <p className="break-words">
                        Ya estaba abierta por {c.other.openedByName ?? "—"} desde {formatDateTime(c.other.openedAt)} ({STATUS[c.other.status]})
                      </p>
                    ) : (
                      <p>La otra sesión ya no figura abierta en ese horario.</p>
                    )}
                  </div>
                </div>
                <div className="mt-3">
                  {status === "RESOLVED" ? (
                    <p className="text-sm break-words">
                      <span className="font-medium">Resolución:</span> {c.resolution} — {c.resolvedByName ?? "—"}
                      {c.resolvedAt ? `, ${formatDateTime(c.resolvedAt)}` : ""}
                    </p>
                  ) : editing === c.id ? (
                    <form
                      className="flex flex-wrap gap-2"
                      onSubmit={(e) => {
                        e.preventDefault();
                        resolve.mutate({ id: c.id, resolution: note }, { onSuccess: () => (setEditing(null), setNote("")) });
                      }}
                    >
                      <input
                        aria-label="Qué se decidió"
                        className="min-h-11 min-w-0 flex-1 rounded border border-slate-300 px-2 py-1"
                        placeholder="Ej.: dos cajeros en la misma caja; cada uno cierra la suya"
                        value={note}
                        maxLength={500}
                        onChange={(e) => setNote(e.target.value)}
                        autoFocus
                      />
                      <Button type="submit" className="min-h-11" busy={resolve.isPending} disabled={note.trim().length < 3}>
                        Marcar resuelta
                      </Button>
                      <Button type="button" variant="ghost" className="min-h-11" onClick={() => setEditing(null)}>
                        Cancelar
                      </Button>
                    </form>
                  ) : (
                    <Button variant="secondary" className="min-h-11" onClick={() => (setEditing(c.id), setNote(""))}>
                      Resolver…
                    </Button>
                  )}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
