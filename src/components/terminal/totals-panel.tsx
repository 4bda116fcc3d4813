"use client";
import type { KeyboardEvent, RefObject } from "react";
import { Button } from "@/components/ui/button";
import { formatMoney } from "@/lib/format";
import { cartSubtotal, cartTotal, parseAmount, type Cart } from "@/pos/cart";
import { safe } from "./cart-table";

export const HELP: [string, string][] = [
  ["Enter", "agregar código / buscar"],
  ["3*código", "cantidad"],
  ["↑ ↓", "elegir línea"],
  ["F2", "cantidad"],
  ["F4", "descuento línea"],
  ["F6", "descuento ticket"],
  ["Supr", "quitar línea"],
  ["F3", "cliente (factura A)"],
  ["F9", "cobrar"],
  ["Alt+I", "reimprimir último ticket"],
  ["F7", "movimiento de caja"],
  ["F8", "anular última venta"],
  ["F10", "cerrar caja"],
];

/** Customer, subtotal, ticket discount (F6), total and "Cobrar", plus the key help. */
export function TotalsPanel({
  cart,
  discountText,
  onDiscountText,
  discountRef,
  onDiscountKey,
  onCustomer,
  onClearCustomer,
  onCharge,
}: {
  cart: Cart;
  discountText: string;
  onDiscountText: (text: string, value: string | null) => void;
  discountRef: RefObject<HTMLInputElement | null>;
  onDiscountKey: (e: KeyboardEvent<HTMLInputElement>) => void;
  onCustomer: () => void;
  onClearCustomer: () => void;
  onCharge: () => void;
}) {
  return (
    <div className="space-y-3">
      <div className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
          {cart.customer ? (
            <>
              <span data-testid="pos-customer" className="min-w-0 break-words">
                Cliente: <strong>{cart.customer.name}</strong> ({cart.customer.doc})
              </span>
              <button type="button" className="min-h-11 text-red-700 underline" onClick={onClearCustomer}>
                Quitar
              </button>
            </>
          ) : (
            <button type="button" className="min-h-11 text-teal-800 underline" onClick={onCustomer}>
              Agregar cliente (F3)
            </button>
          )}
        </div>
        <div className="flex justify-between text-sm text-slate-600">
          <span>Subtotal</span>
          <span>{formatMoney(safe(() => cartSubtotal(cart)))}</span>
        </div>
        <label className="flex items-center justify-between gap-2 text-sm text-slate-600">
          <span>Descuento ticket (F6)</span>
          <input
            ref={discountRef}
            aria-label="Descuento del ticket"
            inputMode="decimal"
            className="min-h-11 w-28 rounded border border-slate-300 px-2 py-1 text-right"
            placeholder="0,00"
            value={discountText}
            aria-invalid={discountText.trim() !== "" && parseAmount(discountText) === null ? true : undefined}
            onKeyDown={onDiscountKey}
            onChange={(e) => onDiscountText(e.target.value, e.target.value.trim() === "" ? "0" : parseAmount(e.target.value))}
          />
        </label>
        <div className="flex items-end justify-between border-t border-slate-200 pt-2">
          <span className="text-lg font-semibold">Total</span>
          <span className="text-3xl font-bold text-slate-900" data-testid="pos-total">
            {formatMoney(safe(() => cartTotal(cart)))}
          </span>
        </div>
        <Button className="min-h-12 w-full text-base" onClick={onCharge} disabled={cart.lines.length === 0} data-testid="pos-charge">
          Cobrar (F9)
        </Button>
      </div>
      <dl className="hidden grid-cols-[auto_1fr] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-xs text-slate-600 md:grid">
        {HELP.map(([k, v]) => (
          <div key={k} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1">{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
