"use client";
import Link from "next/link";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Alert } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { formatDate, formatDateTime, formatMoney, formatQty } from "@/lib/format";
import { dec } from "@/lib/decimal";
import { IVA_CONDITION_LABELS } from "@/lib/schemas/pos-wire";
import { PAYMENT_METHOD_LABELS } from "@/lib/schemas/sale";

const FISCAL_TEXT: Record<string, string> = {
  NOT_REQUIRED: "Comprobante no válido como factura",
  PENDING: "Factura electrónica en emisión",
  ISSUED: "Factura electrónica emitida",
  CREDIT_NOTE_PENDING: "Nota de crédito en emisión",
  CREDIT_NOTE_ISSUED: "Nota de crédito emitida",
};

/** The printable ticket (80 mm-ish column); the app shell is hidden when printing. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function TicketView({ slug, saleId }: { slug: string; saleId: string }) {
  const q = trpc.pos.sale.useQuery({ saleId });
  if (q.isLoading) return <p className="text-slate-600">Cargando ticket…</p>;
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  const s = q.data!;
  return (
    <div className="space-y-4">
      <div className="no-print flex gap-2">
        <Button onClick={() => window.print()} autoFocus>
          Imprimir
        </Button>
        <Link href={`/${slug}/pos`} className="rounded-md border border-slate-300 px-4 py-2 text-sm">
          Volver al punto de venta
        </Link>
        {s.fiscalDocumentId ? (
          <Link href={`/${slug}/fiscal/comprobantes/${s.fiscalDocumentId}`} className="rounded-md border border-slate-300 px-4 py-2 text-sm">
            Ver factura electrónica
          </Link>
        ) : null}
        {s.creditNoteDocumentId ? (
          <Link href={`/${slug}/fiscal/comprobantes/${s.creditNoteDocumentId}`} className="rounded-md border border-slate-300 px-4 py-2 text-sm">
            Ver nota de crédito
          </Link>
        ) : null}
      </div>
      <article className="mx-auto w-[80mm] max-w-full bg-white p-4 font-mono text-xs text-black shadow print:shadow-none" data-testid="ticket">
        <header className="text-center">
          <p className="text-sm font-bold break-words">{s.emitter?.legalName ?? s.businessName}</p>
          {s.emitter ? (
            <>
              <p>CUIT {s.emitter.cuit}</p>
              {s.emitter.address ? <p className="break-words">{s.emitter.address}</p> : null}
              <p>IVA {IVA_CONDITION_LABELS[s.emitter.ivaCondition as keyof typeof IVA_CONDITION_LABELS] ?? s.emitter.ivaCondition}</p>
            </>
          ) : null}
          <p>{s.registerName}</p>
          <p>
            Ticket N° {String(s.afipPointOfSale).padStart(4, "0")}-{String(s.ticketNumber).padStart(8, "0")}
          </p>
          <p>{formatDateTime(s.createdAt)}</p>
          {s.customerName ? (
            <p>
              Cliente: {s.customerName} ({s.customerDoc})
            </p>
          ) : null}
        </header>
        {s.status === "VOIDED" ? <p className="my-2 border border-black text-center text-base font-bold">ANULADO</p> : null}
        <hr className="my-2 border-dashed border-black" />
        <table className="w-full">
          <tbody>
            {s.lines.map((l) => (
              <tr key={l.lineNo} className="align-top">
                <td>
                  <span className="break-words">{l.description}</span>
                  <br />
                  {formatQty(l.quantity)} × {formatMoney(l.unitPrice)}
                  {dec(l.discount).gt(0) ? ` (desc. ${formatMoney(l.discount)})` : ""}
                </td>
                <td className="text-right">{formatMoney(l.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <hr className="my-2 border-dashed border-black" />
        {dec(s.discount).gt(0) ? (
          <p className="flex justify-between">
            <span>Descuento</span>
            <span>-{formatMoney(s.discount)}</span>
          </p>
        ) : null}
        <p className="flex justify-between text-sm font-bold">
          <span>TOTAL</span>
          <span data-testid="ticket-total">{formatMoney(s.total)}</span>
        </p>
        {s.payments.map((p, i) => (
          <p key={i} className="flex justify-between">
            <span>{PAYMENT_METHOD_LABELS[p.method]}</span>
            <span>{formatMoney(p.amount)}</span>
          </p>
        ))}
        {dec(s.change).gt(0) ? (
          <p className="flex justify-between">
            <span>Vuelto</span>
            <span>{formatMoney(s.change)}</span>
          </p>
        ) : null}
        <hr className="my-2 border-dashed border-black" />
        <p className="text-center">Atendió: {s.cashierName ?? "—"}</p>
        <p className="text-center">{FISCAL_TEXT[s.fiscalStatus] ?? s.fiscalStatus}</p>
        {s.fiscal?.cae ? (
          <div className="mt-2 flex items-center gap-2" data-testid="ticket-cae">
            {s.fiscal.qr ? <img src={s.fiscal.qr.dataUrl} alt="Código QR de ARCA (RG 4892)" width={96} height={96} /> : null}
            <div>
              <p>
                Comprobante {String(s.fiscal.pointOfSale).padStart(5, "0")}-{String(s.fiscal.number ?? 0).padStart(8, "0")}
              </p>
              <p>CAE N° {s.fiscal.cae}</p>
              {s.fiscal.caeDueDate ? <p>Vto. CAE {formatDate(s.fiscal.caeDueDate)}</p> : null}
            </div>
          </div>
        ) : null}
        {s.status === "VOIDED" && s.voidReason ? <p className="text-center">Motivo de anulación: {s.voidReason}</p> : null}
        <p className="mt-2 text-center">¡Gracias por su compra!</p>
      </article>
    </div>
  );
}
