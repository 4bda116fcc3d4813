"use client";
import { memo } from "react";
import { Decimal, money } from "@/lib/decimal";
import { formatDateTime, formatMoney, formatQty } from "@/lib/format";
import { paymentLabel } from "@/lib/payment-methods";
import { IVA_CONDITION_LABELS, type PosContext } from "@/lib/schemas/pos-wire";
import type { SaleDisplay } from "@/pos/types";

export type TicketData = {
  saleId: string;
  createdAt: string;
  display: SaleDisplay;
  /** The register's number once the server has the sale. */
  ticketNumber?: number;
  afipPointOfSale?: number;
  /** VERIFYING: charged and on disk, the server's verdict is on its way (a second or two). */
  fiscal: "VERIFYING" | "PENDING_SYNC" | "REQUESTED" | "NOT_REQUIRED";
};

const ivaLabel = (v: string | null | undefined) => (v && v in IVA_CONDITION_LABELS ? IVA_CONDITION_LABELS[v as keyof typeof IVA_CONDITION_LABELS] : v ?? "");

/**
 * The 80 mm ticket, drawn from what was charged (the same figures on every reprint): the
 * business's legal data, the local number until the server assigns the register's, and
 * "comprobante fiscal pendiente" while the sale has not reached the server.
 */
/** Memoized: the last ticket stays put while the cashier types and scans the next sale. */
export const Ticket = memo(function Ticket({ t, business, printable }: { t: TicketData; business: PosContext["business"] & { name: string }; printable?: boolean }) {
  const d = t.display;
  return (
    <article
      className={`w-[80mm] max-w-full bg-white p-3 font-mono text-xs leading-snug text-black shadow ${printable ? "print-ticket" : ""}`}
      data-testid="ticket"
      aria-label="Ticket"
    >
      <header className="text-center">
        <p className="text-sm font-bold break-words">{business.legalName ?? business.name}</p>
        {business.cuit ? <p>CUIT {business.cuit}</p> : null}
        {business.address ? <p className="break-words">{business.address}</p> : null}
        {business.ivaCondition ? <p>IVA {ivaLabel(business.ivaCondition)}</p> : null}
        {d.registerName ? <p>{d.registerName}</p> : null}
        <p data-testid="ticket-number">
          {t.ticketNumber
            ? `Ticket N° ${String(t.afipPointOfSale ?? 1).padStart(4, "0")}-${String(t.ticketNumber).padStart(8, "0")}`
            : `Ticket local ${d.localNumber ?? t.saleId.slice(0, 8)}`}
        </p>
        <p>{formatDateTime(t.createdAt)}</p>
        {d.customer ? (
          <p className="break-words">
            Cliente: {d.customer.name} ({d.customer.doc}){d.customer.ivaCondition ? ` · ${ivaLabel(d.customer.ivaCondition)}` : ""}
          </p>
        ) : null}
      </header>
      <hr className="my-2 border-dashed border-black" />
      <ul className="space-y-1">
        {d.lines.map((l, i) => (
          <li key={i} className="grid grid-cols-[1fr_auto] gap-x-2">
            <span className="break-words">{l.name}</span>
            <span />
            <span className="text-slate-800">
              {formatQty(l.quantity)} × {formatMoney(l.unitPrice)}
              {l.discount && new Decimal(l.discount).gt(0) ? ` (desc. ${formatMoney(l.discount)})` : ""}
            </span>
            <span className="text-right tabular-nums">{formatMoney(lineAmount(l))}</span>
          </li>
        ))}
      </ul>
      <hr className="my-2 border-dashed border-black" />
      {d.discount && new Decimal(d.discount).gt(0) ? (
        <p className="flex justify-between">
          <span>Descuento</span>
          <span>-{formatMoney(d.discount)}</span>
        </p>
      ) : null}
      <p className="flex justify-between text-sm font-bold">
        <span>TOTAL</span>
        <span data-testid="ticket-total">{formatMoney(d.total)}</span>
      </p>
      {(d.payments ?? []).map((p, i) => (
        <p key={i} className="flex justify-between">
          <span>{paymentLabel(p.method)}</span>
          <span>{formatMoney(p.amount)}</span>
        </p>
      ))}
      {d.change && new Decimal(d.change).gt(0) ? (
        <p className="flex justify-between">
          <span>Vuelto</span>
          <span>{formatMoney(d.change)}</span>
        </p>
      ) : null}
      <hr className="my-2 border-dashed border-black" />
      <p className="text-center" data-testid="ticket-fiscal">
        {t.fiscal === "VERIFYING"
          ? "Verificando con el servidor…"
          : t.fiscal === "PENDING_SYNC"
          ? "Comprobante fiscal pendiente"
          : t.fiscal === "REQUESTED"
            ? "Factura electrónica en emisión: reimprimila con CAE desde «Comprobantes»"
            : "Comprobante no válido como factura"}
      </p>
      <p className="mt-2 text-center">¡Gracias por su compra!</p>
    </article>
  );
});

function lineAmount(l: SaleDisplay["lines"][number]) {
  return money(new Decimal(l.quantity).times(l.unitPrice).toDecimalPlaces(2).minus(l.discount ?? 0));
}
