"use client";
import Link from "next/link";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { Card } from "@/components/ui/page";
import { formatDate, formatDateTime, formatMoney, formatQty } from "@/lib/format";
import { Decimal } from "@/lib/decimal";
import { DOC_TIPO_LABEL, EMITTER_IVA_LABEL, RECEIVER_IVA_LABEL } from "@/lib/afip-codes";
import { formatCuit } from "@/lib/cuit";
import { StatusBadge, docNumber, docTypeLabel, ENV_LABEL } from "./labels";

const d = (iso: string | null | undefined) => (iso ? formatDate(`${iso}T12:00:00`) : "—");
const letterOf = (t: number | null) => (t === null ? "" : [1, 2, 3].includes(t) ? "A" : [6, 7, 8].includes(t) ? "B" : "C");

/** The printable invoice/credit note (CAE, due date, RG 4291 QR) plus, not printed, its ARCA history. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function FiscalDocumentView({ slug, id, canRetry }: { slug: string; id: string; canRetry: boolean }) {
  const utils = trpc.useUtils();
  const q = trpc.fiscal.document.useQuery({ id }, { refetchInterval: (query) => (query.state.data?.document.status === "PENDING" ? 5000 : false) });
  const retry = trpc.fiscal.retry.useMutation({ onSuccess: () => utils.fiscal.document.invalidate({ id }) });
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  if (!q.data) return <p className="text-sm text-slate-500">Cargando…</p>;
  const { document: doc, emitter, original, attempts, qr } = q.data;
  const letter = letterOf(doc.cbteTipo);
  const showIva = letter === "A";
  const caea = doc.authType === "CAEA";
  return (
    <div className="space-y-4">
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <div className="flex gap-4 text-sm">
          <Link href={`/${slug}/fiscal`} className="text-teal-800 hover:underline">
            ← Volver a comprobantes
          </Link>
          {doc.saleId ? (
            <Link href={`/${slug}/pos/ticket/${doc.saleId}`} className="text-teal-800 hover:underline">
              Ver ticket de la venta
            </Link>
          ) : null}
        </div>
        <div className="flex gap-2">
          {canRetry && (doc.status === "ERROR" || doc.status === "REJECTED") ? (
            <Button variant="secondary" busy={retry.isPending} onClick={() => retry.mutate({ id })}>
              Reintentar emisión
            </Button>
          ) : null}
          <Button onClick={() => window.print()} disabled={doc.status !== "ISSUED"} title={doc.status !== "ISSUED" ? "Se puede imprimir cuando tenga CAE" : undefined}>
            Imprimir
          </Button>
        </div>
      </div>
      {retry.error ? <Alert>{errorMessage(retry.error)}</Alert> : null}
      {doc.status !== "ISSUED" ? (
        <div className="no-print">
          <Alert kind={doc.status === "REJECTED" ? "error" : doc.status === "ERROR" ? "warning" : "info"}>
            <strong>
              <StatusBadge status={doc.status} />
            </strong>{" "}
            {doc.status === "PENDING"
              ? "El comprobante está en cola para ARCA (ex AFIP). No es válido hasta tener CAE."
              : doc.lastError ?? "ARCA (ex AFIP) no emitió el comprobante."}
          </Alert>
        </div>
      ) : null}

      <article className="mx-auto max-w-3xl rounded-lg border border-slate-300 bg-white p-6 text-sm print:max-w-none print:border-0 print:p-0" aria-label="Comprobante">
        {doc.status !== "ISSUED" ? (
          <div className="mb-3 rounded border-2 border-dashed border-red-300 py-1 text-center text-sm font-semibold uppercase tracking-wide text-red-700">
            Sin CAE — no válido como factura
          </div>
        ) : null}
        <header className="grid grid-cols-[1fr_auto_1fr] gap-4 border-b border-slate-300 pb-4">
          <div>
            <div className="text-lg font-bold">{emitter?.legalName ?? "—"}</div>
            {emitter?.address ? <div>{emitter.address}</div> : null}
            <div>{emitter ? EMITTER_IVA_LABEL[emitter.ivaCondition] : ""}</div>
          </div>
          <div className="flex h-16 w-16 flex-col items-center justify-center rounded border-2 border-slate-800">
            <span className="text-3xl font-bold leading-none">{letter}</span>
            <span className="text-[10px]">Cód. {String(doc.cbteTipo ?? "").padStart(2, "0")}</span>
          </div>
          <div className="text-right">
            <div className="text-base font-semibold">{docTypeLabel(doc.cbteTipo, doc.kind)}</div>
            <div>N° {docNumber(doc.pointOfSale, doc.number)}</div>
            <div>Fecha: {d(doc.issueDate)}</div>
            <div>CUIT: {emitter ? formatCuit(emitter.cuit) : "—"}</div>
            {emitter?.grossIncomeNumber ? <div>IIBB: {emitter.grossIncomeNumber}</div> : null}
            {emitter?.activityStartDate ? <div>Inicio de actividades: {d(emitter.activityStartDate)}</div> : null}
          </div>
        </header>
        <section className="border-b border-slate-300 py-3">
          <div>
            <span className="text-slate-500">Receptor:</span> {doc.receiverName ?? (doc.receiverDocType === 99 ? "Consumidor final" : "—")}
          </div>
          <div>
            {doc.receiverDocType !== 99 ? (
              <>
                <span className="text-slate-500">{DOC_TIPO_LABEL[doc.receiverDocType] ?? "Doc."}:</span>{" "}
                {doc.receiverDocType === 80 ? formatCuit(doc.receiverDocNumber) : doc.receiverDocNumber}
                {" · "}
              </>
            ) : null}
            <span className="text-slate-500">Condición frente al IVA:</span> {RECEIVER_IVA_LABEL[doc.receiverIvaCondition] ?? doc.receiverIvaCondition}
          </div>
          {original ? (
            <div>
              <span className="text-slate-500">Comprobante asociado:</span> {docTypeLabel(original.cbteTipo, "INVOICE")} {docNumber(original.pointOfSale, original.number)} del {d(original.issueDate)}
            </div>
          ) : null}
        </section>
        <table className="my-3 w-full">
          <thead>
            <tr className="border-b border-slate-300 text-left text-xs text-slate-500">
              <th className="py-1">Descripción</th>
              <th className="py-1 text-right">Cant.</th>
              <th className="py-1 text-right">Precio unit.</th>
              {showIva ? <th className="py-1 text-right">IVA</th> : null}
              <th className="py-1 text-right">Subtotal</th>
            </tr>
          </thead>
          <tbody>
            {doc.lines.map((l, i) => (
              <tr key={i} className="border-b border-slate-100">
                <td className="py-1">{l.description}</td>
                <td className="py-1 text-right tabular-nums">{formatQty(l.quantity)}</td>
                <td className="py-1 text-right tabular-nums">{formatMoney(l.unitPrice)}</td>
                {showIva ? <td className="py-1 text-right">{l.ivaRate} %</td> : null}
                <td className="py-1 text-right tabular-nums">{formatMoney(l.lineTotal ?? new Decimal(l.quantity).times(l.unitPrice))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <section className="ml-auto w-72 space-y-0.5">
          {letter === "A" ? (
            <>
              <Row label="Neto gravado" value={formatMoney(doc.netAmount)} />
              {doc.ivaBreakdown.map((i) => (
                <Row key={i.id} label={`IVA ${i.rate} %`} value={formatMoney(i.amount)} />
              ))}
            </>
          ) : null}
          <Row label="Total" value={formatMoney(doc.total)} strong />
          {letter === "B" ? (
            <p className="pt-1 text-xs text-slate-600">Régimen de Transparencia Fiscal al Consumidor (Ley 27.743): IVA contenido {formatMoney(doc.ivaAmount)}</p>
          ) : null}
        </section>
        <footer className="mt-4 flex items-end justify-between gap-4 border-t border-slate-300 pt-4">
          {qr ? (
            <a href={qr.url} target="_blank" rel="noreferrer" aria-label="Código QR de ARCA (ex AFIP)">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={qr.dataUrl} alt="Código QR ARCA (RG 4291)" width={120} height={120} />
            </a>
          ) : (
            <div className="text-xs text-slate-500">El QR de ARCA aparece al obtener el CAE.</div>
          )}
          <div className="text-right">
            <div>
              <span className="text-slate-500">{caea ? "CAEA N°:" : "CAE N°:"}</span> <span className="font-mono">{doc.cae ?? "—"}</span>
            </div>
            <div>
              <span className="text-slate-500">{caea ? "Vto. CAEA:" : "Vto. CAE:"}</span> {d(doc.caeDueDate)}
            </div>
            {caea ? <div className="text-xs text-slate-500">Emitido en contingencia (CAEA){doc.reportStatus === "REPORTED" ? " · informado a ARCA" : ""}</div> : null}
            <div className="mt-1 text-xs text-slate-500">
              {doc.status === "ISSUED" ? "Comprobante autorizado" : "Sin CAE: no válido como comprobante fiscal"}
              {doc.environment ? ` · ${ENV_LABEL[doc.environment]}` : ""}
            </div>
          </div>
        </footer>
      </article>

      <div className="no-print mx-auto max-w-3xl">
        <Card title="Historial con ARCA (ex AFIP)">
          {attempts.length === 0 ? (
            <p className="text-sm text-slate-500">Todavía no hubo intercambios con ARCA.</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {attempts.map((a) => (
                <li key={a.id}>
                  {formatDateTime(a.createdAt)} · {a.operation} {a.number ? `n.° ${a.number}` : ""} · <strong>{a.outcome}</strong>
                  {a.error ? <span className="text-slate-600"> — {a.error}</span> : null}
                </li>
              ))}
            </ul>
          )}
          {[...doc.errors, ...doc.observations].length ? (
            <div className="mt-3">
              <div className="text-sm font-medium">Mensajes de ARCA</div>
              <ul className="text-sm">
                {[...doc.errors, ...doc.observations].map((m, i) => (
                  <li key={i}>
                    <span className="font-mono">{m.code}</span> {m.msg}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
      </div>
    </div>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between ${strong ? "border-t border-slate-300 pt-1 text-base font-semibold" : ""}`}>
      <span>{label}</span>
      <span className="tabular-nums">{value}</span>
    </div>
  );
}
