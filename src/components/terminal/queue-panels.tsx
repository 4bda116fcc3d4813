"use client";
import { memo } from "react";
import { formatDateTime, formatMoney } from "@/lib/format";
import { RefusedSalesPanel } from "./refused-sales-panel";
import type { TerminalRuntime } from "./use-terminal-runtime";

const OP_LABEL = { OPEN_SESSION: "Apertura de caja", CASH_MOVEMENT: "Movimiento de caja", CREATE_CUSTOMER: "Cliente" } as const;

/** Per-sale problems stay visible with their reason: refused sales and operations, sales whose send failed, and the last synced tickets. */
// Memoized: the runtime object changes only when the queue or status does, not on each key.
export const QueuePanels = memo(function QueuePanels({ rt, sessionId }: { rt: TerminalRuntime; sessionId: string | null }) {
  return (
    <div className="space-y-3">
      <RefusedSalesPanel refused={rt.refused} currentSessionId={sessionId} onResolve={rt.resolve} />
      {rt.refusedOps.length > 0 ? (
        <section className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm" data-testid="pos-refused-ops">
          <h2 className="mb-1 font-semibold text-red-900">Operaciones de caja rechazadas ({rt.refusedOps.length})</h2>
          <ul className="space-y-1">
            {rt.refusedOps.map((r) => (
              <li key={r.id}>
                {OP_LABEL[r.op.kind]} · {formatDateTime(r.op.at)} · <span className="text-red-800">{r.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {rt.failing.length > 0 ? (
        <section className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="pos-failing">
          <h2 className="mb-1 font-semibold text-amber-900">Ventas en cola con error de envío ({rt.failing.length})</h2>
          <p className="mb-2 text-amber-900">Siguen guardadas y se reintentan solas.</p>
          <ul className="space-y-1">
            {rt.failing.slice(0, 20).map((q) => (
              <li key={q.sale.id} className="flex flex-wrap justify-between gap-2">
                <span>
                  {formatDateTime(q.sale.createdAt)} · {formatMoney(q.display.total)} · intentos: {q.attempts}
                </span>
                <span className="text-amber-800">{q.lastError}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
        <summary className="cursor-pointer font-semibold text-slate-700">Últimas ventas enviadas ({rt.recent.length})</summary>
        <ul className="mt-2 max-h-64 space-y-0.5 overflow-auto text-xs" data-testid="pos-recent">
          {rt.recent.length === 0 ? <li className="text-slate-500">Todavía ninguna.</li> : null}
          {rt.recent.map((s) => (
            <li key={s.saleId} className="flex justify-between gap-2">
              <span>
                {s.ticketNumber ? `Ticket ${s.ticketNumber}` : s.saleId.slice(0, 8)} · {formatDateTime(s.createdAt)}
              </span>
              <span className="tabular-nums">
                {formatMoney(s.total)}
                {s.stockConflict ? <span className="ml-1 text-amber-700" title="Vendida sin stock suficiente: la revisa un supervisor">⚠ stock</span> : null}
              </span>
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
});
