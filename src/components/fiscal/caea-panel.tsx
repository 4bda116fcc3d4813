"use client";
import { useState } from "react";
import { trpc, errorMessage, type RouterOutputs } from "@/lib/trpc/react";
import { Card } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { ConfirmDialog } from "@/components/ui/dialog";
import { formatDateTime, formatMoney } from "@/lib/format";
import { formatCalendarDate } from "@/lib/ar-time";
import { fortnightLabel } from "@/lib/caea-period";
import { formatPercent } from "@/lib/number";
import { DOC_TIPO_LABEL, RECEIVER_IVA_LABEL } from "@/lib/afip-codes";
import { docNumber, docTypeLabel } from "./labels";
import { TableFrame } from "@/components/ui/table-frame";

type Overview = RouterOutputs["fiscal"]["caeaOverview"];
const MODE_LABEL = { OFF: "En línea (CAE)", AUTO: "Contingencia automática (CAEA)", MANUAL: "Contingencia por decisión (CAEA)" } as const;

/**
 * Contingency at a glance: the fortnight's CAEA, registers and their mode (a supervisor can
 * switch), the share issued under CAEA against ARCA's limit, and the documents ARCA rejected
 * when reported, each with its reason and a correction form.
 */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function CaeaPanel({ canIssue, canConfigure }: { canIssue: boolean; canConfigure: boolean }) {
  const utils = trpc.useUtils();
  const q = trpc.fiscal.caeaOverview.useQuery(undefined, { refetchInterval: 30_000 });
  const refresh = () => utils.fiscal.caeaOverview.invalidate();
  const request = trpc.fiscal.requestCaea.useMutation({ onSuccess: refresh });
  const report = trpc.fiscal.reportCaeaNow.useMutation({ onSuccess: refresh });
  if (q.isLoading) return <div role="status" className="h-32 animate-pulse rounded-lg bg-slate-100" aria-label="Cargando contingencia" />;
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  const o = q.data!;
  const current = o.caeas.find((c) => c.current);
  const hasCaeaPos = o.pointsOfSale.some((p) => p.emissionType === "CAEA" && p.active);
  if (!hasCaeaPos && !o.caeas.length) {
    return (
      <Card title="Contingencia (CAEA)">
        <p className="text-sm text-slate-600">
          Sin punto de venta de contingencia. Para seguir facturando cuando ARCA (ex AFIP) no responde, dá de alta en ARCA un punto de venta CAEA y cargalo en Configuración
          fiscal como respaldo del punto de cada caja.
        </p>
      </Card>
    );
  }
  return (
    <Card title="Contingencia (CAEA)">
      <div className="space-y-4 text-sm">
        {current ? (
          <p>
            CAEA de la {fortnightLabel(current.period, current.fortnight)}: <span className="font-mono">{current.caea}</span> · vigente del {formatCalendarDate(current.validFrom)} al{" "}
            {formatCalendarDate(current.validTo)} · informar hasta el {formatCalendarDate(current.reportDeadline)}.
          </p>
        ) : (
          <Alert kind="warning">No hay CAEA para la {fortnightLabel(o.period, o.fortnight)}: si ARCA no responde, las cajas no podrán pasar a contingencia.</Alert>
        )}
        <div className="flex flex-wrap gap-2">
          {canConfigure ? (
            <Button variant="secondary" busy={request.isPending} onClick={() => request.mutate()}>
              Pedir CAEA ahora
            </Button>
          ) : null}
          {canIssue ? (
            <Button variant="secondary" busy={report.isPending} onClick={() => report.mutate()}>
              Informar a ARCA ahora
            </Button>
          ) : null}
        </div>
        {request.data?.some((r) => r.status === "FAILED") ? <Alert>{request.data.filter((r) => r.status === "FAILED").map((r) => r.message).join(" · ")}</Alert> : null}
        {request.error ? <Alert>{errorMessage(request.error)}</Alert> : null}
        {report.error ? <Alert>{errorMessage(report.error)}</Alert> : null}
        <ShareMeter share={o.share} />
        <Registers registers={o.registers} canIssue={canIssue} onChange={refresh} />
        {o.caeas.length ? (
          <TableFrame>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">CAEA recibidos</caption>
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1 pr-3 font-medium">Quincena</th>
                  <th className="py-1 pr-3 font-medium">Informar hasta</th>
                  <th className="py-1 pr-3 font-medium">Pendientes</th>
                  <th className="py-1 pr-3 font-medium">Informados</th>
                  <th className="py-1 font-medium">Rechazados</th>
                </tr>
              </thead>
              <tbody>
                {o.caeas.map((c) => (
                  <tr key={c.id} className="border-t border-slate-100">
                    <td className="py-1 pr-3">{fortnightLabel(c.period, c.fortnight)}</td>
                    <td className="py-1 pr-3">{formatCalendarDate(c.reportDeadline)}</td>
                    <td className="py-1 pr-3 tabular-nums">{c.pending}</td>
                    <td className="py-1 pr-3 tabular-nums">{c.reported}</td>
                    <td className={`py-1 tabular-nums ${c.rejected ? "font-medium text-red-700" : ""}`}>{c.rejected}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        ) : null}
        {o.rejected.length ? <Rejected rows={o.rejected} canIssue={canIssue} onChange={refresh} /> : null}
      </div>
    </Card>
  );
}

function ShareMeter({ share }: { share: Overview["share"] }) {
  const pct = Math.min(100, Number.parseFloat(share.limitPercent) > 0 ? (Number.parseFloat(share.percent) / Number.parseFloat(share.limitPercent)) * 100 : 0);
  return (
    <div>
      <div className="mb-1 flex justify-between text-xs text-slate-600">
        <span>
          Emitidos por CAEA en la quincena: {share.underCaea} de {share.documents} ({formatPercent(share.percent)})
        </span>
        <span>Límite {formatPercent(share.limitPercent)}</span>
      </div>
      <div className="h-2 rounded bg-slate-100" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)} aria-label="Uso del límite de CAEA">
        <div className={`h-2 rounded ${share.reached ? "bg-red-600" : share.warning ? "bg-amber-500" : "bg-teal-600"}`} style={{ width: `${pct}%` }} />
      </div>
      {share.warning ? (
        <p className={`mt-1 text-xs ${share.reached ? "text-red-700" : "text-amber-800"}`}>
          {share.reached ? "Se alcanzó el límite que fija ARCA para comprobantes por CAEA." : "Cerca del límite que fija ARCA para comprobantes por CAEA."}
        </p>
      ) : null}
    </div>
  );
}

function Registers({ registers, canIssue, onChange }: { registers: Overview["registers"]; canIssue: boolean; onChange: () => void }) {
  const [confirm, setConfirm] = useState<Overview["registers"][number] | null>(null);
  const set = trpc.fiscal.setContingency.useMutation({ onSuccess: () => (setConfirm(null), onChange()) });
  if (!registers.length) return <p className="text-slate-500">No hay cajas que facturen: habilitá la facturación en una caja.</p>;
  return (
    <div>
      <ul className="divide-y divide-slate-100 rounded border border-slate-200">
        {registers.map((r) => (
          <li key={r.registerId} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
            <span>
              <strong>{r.name}</strong> · punto {String(r.pointOfSale).padStart(4, "0")}
              {r.contingencyPointOfSale ? ` → contingencia ${String(r.contingencyPointOfSale).padStart(4, "0")}` : " · sin punto de contingencia"} ·{" "}
              <span className={r.mode === "OFF" ? "text-slate-600" : "font-medium text-amber-800"}>{MODE_LABEL[r.mode]}</span>
              {r.unavailableSince && r.mode === "OFF" ? <span className="text-xs text-red-700"> · ARCA sin responder desde {formatDateTime(r.unavailableSince)}</span> : null}
            </span>
            {canIssue && r.contingencyPointOfSale ? (
              <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setConfirm(r)}>
                {r.mode === "OFF" ? "Pasar a contingencia" : "Volver a CAE"}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {set.error ? <Alert>{errorMessage(set.error)}</Alert> : null}
      <ConfirmDialog
        open={!!confirm}
        onOpenChange={(v) => !v && setConfirm(null)}
        title={confirm?.mode === "OFF" ? `¿Pasar ${confirm?.name} a contingencia?` : `¿Volver ${confirm?.name} a CAE?`}
        description={
          confirm?.mode === "OFF"
            ? "Las próximas facturas de esta caja se numeran por CAEA y se informan a ARCA después."
            : "Las próximas facturas de esta caja vuelven a pedir CAE en línea."
        }
        confirmLabel={confirm?.mode === "OFF" ? "Pasar a contingencia" : "Volver a CAE"}
        busy={set.isPending}
        onConfirm={() => confirm && set.mutate({ registerId: confirm.registerId, on: confirm.mode === "OFF" })}
      />
    </div>
  );
}

function Rejected({ rows, canIssue, onChange }: { rows: Overview["rejected"]; canIssue: boolean; onChange: () => void }) {
  return (
    <div>
      <h3 className="mb-2 font-medium text-red-800">Rechazados por ARCA al informar: corregí y se vuelven a informar</h3>
      <ul className="space-y-3">
        {rows.map((r) => (
          <RejectedRow key={r.id} row={r} canIssue={canIssue} onChange={onChange} />
        ))}
      </ul>
    </div>
  );
}

function RejectedRow({ row, canIssue, onChange }: { row: Overview["rejected"][number]; canIssue: boolean; onChange: () => void }) {
  const [f, setF] = useState({ docType: String(row.receiverDocType), docNumber: row.receiverDocNumber, iva: String(row.receiverIvaCondition) });
  const fix = trpc.fiscal.correctCaeaDocument.useMutation({ onSuccess: onChange });
  return (
    <li className="rounded border border-red-200 p-3">
      <div>
        {docTypeLabel(row.cbteTipo, "INVOICE")} {docNumber(row.pointOfSale, row.number)} · {row.issueDate ? formatCalendarDate(row.issueDate) : ""} · {formatMoney(row.total)}
      </div>
      <ul className="text-red-800">
        {row.reportErrors.map((e) => (
          <li key={e.code}>
            {e.code}: {e.msg}
          </li>
        ))}
      </ul>
      {canIssue ? (
        <form
          className="mt-2 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            fix.mutate({ id: row.id, receiverDocType: Number.parseInt(f.docType, 10) as 80, receiverDocNumber: f.docNumber, receiverIvaCondition: Number.parseInt(f.iva, 10) });
          }}
        >
          <Field label="Documento">
            <Select value={f.docType} onChange={(e) => setF({ ...f, docType: e.target.value, docNumber: e.target.value === "99" ? "0" : f.docNumber })}>
              {Object.entries(DOC_TIPO_LABEL).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Número">
            <Input inputMode="numeric" value={f.docNumber} onChange={(e) => setF({ ...f, docNumber: e.target.value })} className="w-36" />
          </Field>
          <Field label="Condición frente al IVA">
            <Select value={f.iva} onChange={(e) => setF({ ...f, iva: e.target.value })}>
              {Object.entries(RECEIVER_IVA_LABEL).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" busy={fix.isPending}>
            Corregir y volver a informar
          </Button>
          {fix.error ? <Alert>{errorMessage(fix.error)}</Alert> : null}
        </form>
      ) : null}
    </li>
  );
}
