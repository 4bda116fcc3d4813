"use client";

import { useState } from "react";
import { formatDateTime, formatMoney } from "@/lib/format";
import type { RefusedSale } from "@/pos/types";
import type { TSaleInput } from "@/lib/schemas/sale";

type Resolve = (saleId: string, action: { kind: "REQUEUE"; sale?: TSaleInput } | { kind: "DISCARD"; note: string }) => Promise<void>;

/**
 * Sales the server refused stay here with the reason until someone resolves them: send
 * again (optionally moved to the register's current session) or discard with a reason.
 */
export function RefusedSalesPanel({ refused, currentSessionId, onResolve }: { refused: RefusedSale[]; currentSessionId: string | null; onResolve: Resolve }) {
  const [discarding, setDiscarding] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  if (refused.length === 0) return null;
  return (
    <section className="rounded-lg border border-red-200 bg-red-50 p-3" data-testid="pos-refused">
      <h2 className="mb-2 font-semibold text-red-900">Ventas rechazadas por el servidor ({refused.length})</h2>
      <p className="mb-2 text-sm text-red-900">No se perdieron: quedan acá hasta que alguien las resuelva. Mientras tanto no se puede cerrar la caja.</p>
      {error && <p className="mb-2 text-sm text-red-700">{error}</p>}
      <ul className="space-y-2">
        {refused.map((r) => (
          <li key={r.saleId} className="rounded border border-red-200 bg-white p-2 text-sm">
            <div className="flex flex-wrap justify-between gap-2">
              <span>
                {formatDateTime(r.sale.createdAt)} · {formatMoney(r.display.total)} · {r.display.lines.map((l) => `${l.quantity} × ${l.name}`).join(", ")}
              </span>
              <span className="font-mono text-xs text-slate-500">{r.saleId.slice(0, 8)}</span>
            </div>
            <p className="mt-1 text-red-800">Motivo: {r.reason}</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <button
                type="button"
                className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100"
                onClick={() => onResolve(r.saleId, { kind: "REQUEUE" }).catch((e) => setError(String(e.message ?? e)))}
              >
                Reintentar
              </button>
              {currentSessionId && currentSessionId !== r.sale.cashSessionId && (
                <button
                  type="button"
                  className="rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-100"
                  onClick={() =>
                    onResolve(r.saleId, { kind: "REQUEUE", sale: { ...r.sale, cashSessionId: currentSessionId } }).catch((e) => setError(String(e.message ?? e)))
                  }
                >
                  Reintentar en la caja abierta actual
                </button>
              )}
              {discarding === r.saleId ? (
                <form
                  className="flex flex-wrap items-center gap-2"
                  onSubmit={(ev) => {
                    ev.preventDefault();
                    onResolve(r.saleId, { kind: "DISCARD", note })
                      .then(() => {
                        setDiscarding(null);
                        setNote("");
                      })
                      .catch((e) => setError(String(e.message ?? e)));
                  }}
                >
                  <input
                    className="rounded border border-slate-300 px-2 py-0.5"
                    placeholder="Motivo (obligatorio)"
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                    aria-label="Motivo para descartar"
                  />
                  <button type="submit" className="rounded bg-red-700 px-2 py-0.5 text-white disabled:opacity-50" disabled={!note.trim()}>
                    Confirmar descarte
                  </button>
                  <button type="button" className="px-2 py-0.5" onClick={() => setDiscarding(null)}>
                    Cancelar
                  </button>
                </form>
              ) : (
                <button type="button" className="rounded border border-red-300 px-2 py-0.5 text-red-800 hover:bg-red-100" onClick={() => setDiscarding(r.saleId)}>
                  Descartar…
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
