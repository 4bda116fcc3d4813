"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { PageHeader, EmptyState, Card } from "@/components/ui/page";
import { Alert, Field } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatDateTime, formatMoney } from "@/lib/format";
import { formatPercent } from "@/lib/number";
import { PAYMENT_METHOD_LABELS } from "@/lib/schemas/sale";
import { VoidDialog } from "./void-dialog";
import { RegistersCard } from "./registers-card";
import { RowsSkeleton } from "@/components/ui/skeleton";
import { TableFrame } from "@/components/ui/table-frame";

const CLASS_STYLE = {
  NORMAL: "bg-emerald-100 text-emerald-900",
  WARNING: "bg-amber-100 text-amber-900",
  CRITICAL: "bg-red-100 text-red-900",
} as const;
const CLASS_TEXT = { NORMAL: "Normal", WARNING: "Advertencia", CRITICAL: "Crítico" } as const;
const REVIEW_TEXT = { NOT_REQUIRED: "—", PENDING: "Pendiente de justificación", JUSTIFIED: "Justificado" } as const;

/** Supervisors: every session with expected vs declared, justification of critical ones, voids. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function CashReviewPage({ slug }: { slug: string }) {
  const sessions = trpc.pos.sessions.useQuery();
  const [detail, setDetail] = useState<string | null>(null);
  const [justifying, setJustifying] = useState<string | null>(null);
  const [ticket, setTicket] = useState("");
  const sales = trpc.pos.sales.useQuery(ticket ? { ticketNumber: Number(ticket) || undefined } : {});
  const [voiding, setVoiding] = useState<{ id: string; ticketNumber: number; total: string } | null>(null);
  const me = trpc.tenancy.current.useQuery();
  const canConfigure = me.data?.permissions.includes("tenant.settings") ?? false;

  return (
    <div className="space-y-6">
      <PageHeader title="Cajas y arqueos" description="Lo esperado contra lo declarado en cada cierre; los desvíos críticos esperan tu justificación." />
      <Card title="Sesiones de caja">
        {sessions.error ? <Alert>{errorMessage(sessions.error)}</Alert> : null}
        {sessions.isPending ? <RowsSkeleton /> : null}
        {sessions.data && sessions.data.length === 0 ? (
          <EmptyState title="Todavía no hay sesiones de caja">
            Se abren desde el{" "}
            <Link className="font-medium text-teal-800 underline" href={`/${slug}/pos`}>
              punto de venta
            </Link>{" "}
            al empezar el turno, con el cambio inicial; al cerrarlas, su arqueo aparece acá.
          </EmptyState>
        ) : null}
        {sessions.data?.length ? (
          <TableFrame>
            <table className="w-full text-sm" aria-label="Sesiones de caja">
              <thead className="text-left text-slate-600">
                <tr>
                  <th className="py-2 pr-3">Caja</th>
                  <th className="pr-3">Cajero</th>
                  <th className="pr-3">Apertura</th>
                  <th className="pr-3">Estado</th>
                  <th className="pr-3 text-right">Esperado</th>
                  <th className="pr-3 text-right">Declarado</th>
                  <th className="pr-3 text-right">Desvío</th>
                  <th className="pr-3">Clase</th>
                  <th className="pr-3">Revisión</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {sessions.data.map((s) => (
                  <tr key={s.id} className="border-t border-slate-100" data-testid={`session-${s.id}`}>
                    <td className="py-2 pr-3">{s.registerName}</td>
                    <td className="pr-3">{s.openedByName ?? "—"}</td>
                    <td className="pr-3">{formatDateTime(s.openedAt)}</td>
                    <td className="pr-3">{s.status === "OPEN" ? "Abierta" : "Cerrada"}</td>
                    <td className="pr-3 text-right">{formatMoney(s.expectedTotal)}</td>
                    <td className="pr-3 text-right">{s.declaredTotal ? formatMoney(s.declaredTotal) : "—"}</td>
                    <td className="pr-3 text-right">
                      {s.deviation ? `${formatMoney(s.deviation)}${s.deviationPct === null ? "" : ` (${formatPercent(s.deviationPct)})`}` : "—"}
                    </td>
                    <td className="pr-3">
                      {s.deviationClass ? (
                        <span className={`rounded px-2 py-0.5 text-xs font-medium ${CLASS_STYLE[s.deviationClass]}`}>{CLASS_TEXT[s.deviationClass]}</span>
                      ) : (
                        "—"
                      )}
                    </td>
                    <td className="pr-3">{s.review ? REVIEW_TEXT[s.review] : "—"}</td>
                    <td className="space-x-2 whitespace-nowrap">
                      <button className="text-teal-800 underline" onClick={() => setDetail(s.id)}>
                        Detalle
                      </button>
                      {s.review === "PENDING" ? (
                        <Button variant="danger" className="px-2 py-1" onClick={() => setJustifying(s.id)}>
                          Justificar
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        ) : null}
      </Card>

      <Card title="Ventas y anulaciones">
        <div className="mb-3 flex max-w-xs items-end gap-2">
          <Field label="Buscar por N° de ticket">
            <input
              inputMode="numeric"
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
              value={ticket}
              onChange={(e) => setTicket(e.target.value.replace(/\D/g, ""))}
            />
          </Field>
        </div>
        {sales.isPending ? <RowsSkeleton /> : null}
        {sales.data && sales.data.length === 0 ? (
          <p className="text-sm text-slate-600">{ticket ? "Ningún ticket tiene ese número. Revisá el número impreso en el ticket." : "Todavía no hay ventas: las del punto de venta aparecen acá para consultarlas o anularlas."}</p>
        ) : null}
        {sales.data?.length ? (
          <TableFrame>
            <table className="w-full text-sm" aria-label="Ventas">
              <thead className="text-left text-slate-600">
                <tr>
                  <th className="py-2 pr-3">Ticket</th>
                  <th className="pr-3">Caja</th>
                  <th className="pr-3">Fecha</th>
                  <th className="pr-3">Cajero</th>
                  <th className="pr-3 text-right">Total</th>
                  <th className="pr-3">Estado</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {sales.data.map((s) => (
                  <tr key={s.id} className="border-t border-slate-100">
                    <td className="py-2 pr-3">
                      <Link className="text-teal-800 underline" href={`/${slug}/pos/ticket/${s.id}`}>
                        N° {s.ticketNumber}
                      </Link>
                    </td>
                    <td className="pr-3">{s.registerName}</td>
                    <td className="pr-3">{formatDateTime(s.createdAt)}</td>
                    <td className="pr-3">{s.cashierName ?? "—"}</td>
                    <td className="pr-3 text-right">{formatMoney(s.total)}</td>
                    <td className="pr-3">
                      {s.status === "VOIDED" ? "Anulada" : "Completada"}
                      {s.stockConflict ? " · conflicto de stock" : ""}
                    </td>
                    <td>
                      {s.status === "COMPLETED" ? (
                        <Button variant="secondary" className="px-2 py-1" onClick={() => setVoiding({ id: s.id, ticketNumber: s.ticketNumber, total: s.total })}>
                          Anular
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        ) : null}
      </Card>

      {canConfigure ? <RegistersCard /> : null}

      {detail ? <SessionDetail cashSessionId={detail} onClose={() => setDetail(null)} /> : null}
      {justifying ? <JustifyDialog cashSessionId={justifying} onClose={() => setJustifying(null)} /> : null}
      <VoidDialog
        open={!!voiding}
        onOpenChange={(o) => {
          if (!o) setVoiding(null);
        }}
        sale={voiding}
      />
    </div>
  );
}

function SessionDetail({ cashSessionId, onClose }: { cashSessionId: string; onClose: () => void }) {
  const q = trpc.pos.session.useQuery({ cashSessionId });
  const s = q.data;
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Detalle de la sesión" wide>
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {s && s.revealed ? (
        <div className="space-y-3 text-sm">
          <p>
            {s.registerName} · fondo inicial {formatMoney(s.openingFloat)} · {s.salesCount} ventas ({s.voidedCount} anuladas)
          </p>
          <TableFrame>
            <table className="w-full" aria-label="Arqueo por medio de pago">
              <thead className="text-left text-slate-600">
                <tr>
                  <th>Medio</th>
                  <th className="text-right">Esperado</th>
                  <th className="text-right">Declarado</th>
                  <th className="text-right">Desvío</th>
                  <th className="text-right">Clase</th>
                </tr>
              </thead>
              <tbody>
                {(Object.keys(s.expected) as (keyof typeof s.expected)[]).map((m) => {
                  const line = s.closingLines.find((l) => l.method === m);
                  return (
                    <tr key={m}>
                      <td>{PAYMENT_METHOD_LABELS[m]}</td>
                      <td className="text-right">{formatMoney(s.expected[m])}</td>
                      <td className="text-right">{line ? formatMoney(line.declared) : "—"}</td>
                      <td className="text-right">{line ? `${formatMoney(line.deviation)} (${formatPercent(line.deviationPct)})` : "—"}</td>
                      <td className="text-right">{line ? CLASS_TEXT[line.deviationClass] : "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableFrame>
          {s.closing?.justification ? <Alert kind="info">Justificación: {s.closing.justification}</Alert> : null}
        </div>
      ) : null}
    </Dialog>
  );
}

function JustifyDialog({ cashSessionId, onClose }: { cashSessionId: string; onClose: () => void }) {
  const [text, setText] = useState("");
  const utils = trpc.useUtils();
  const m = trpc.pos.justify.useMutation({
    onSuccess: () => {
      void utils.pos.sessions.invalidate();
      onClose();
    },
  });
  const errs = fieldErrors(m.error);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title="Justificar desvío crítico" description="Explicá el motivo del desvío. Queda registrado con tu nombre.">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate({ cashSessionId, justification: text });
        }}
      >
        <Field label="Justificación" error={errs.justification}>
          <textarea
            autoFocus
            aria-label="Justificación"
            className="block min-h-24 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        {m.error && !errs.justification ? <Alert>{errorMessage(m.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancelar
          </Button>
          <Button type="submit" busy={m.isPending}>
            Guardar justificación
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
