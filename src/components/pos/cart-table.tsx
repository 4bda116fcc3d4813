"use client";
import type { KeyboardEvent, MutableRefObject } from "react";
import { formatMoney } from "@/lib/format";
import { Decimal } from "@/lib/decimal";
import { lineTotal, parseAmount, removeLine, updateLine, type Cart } from "./cart";

/** Half-typed quantities must not crash rendering. */
export function safe(fn: () => Decimal): Decimal {
  try {
    return fn();
  } catch {
    return new Decimal(0);
  }
}

/** The sale's lines: quantity (F2) and line discount (F4) inputs; Enter/Esc go back to the scanner. */
export function CartTable({
  cart,
  selected,
  onSelect,
  onChange,
  qtyRefs,
  discRefs,
  onDone,
}: {
  cart: Cart;
  selected: number;
  onSelect: (i: number) => void;
  onChange: (fn: (c: Cart) => Cart) => void;
  qtyRefs: MutableRefObject<(HTMLInputElement | null)[]>;
  discRefs: MutableRefObject<(HTMLInputElement | null)[]>;
  onDone: () => void;
}) {
  const keyDone = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === "Escape") {
      e.preventDefault();
      onDone();
    }
  };
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm" aria-label="Productos de la venta">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th className="px-3 py-2">Producto</th>
            <th className="px-3 py-2 text-right">Cantidad</th>
            <th className="px-3 py-2 text-right">Precio</th>
            <th className="px-3 py-2 text-right">Descuento $</th>
            <th className="px-3 py-2 text-right">Importe</th>
            <th className="px-3 py-2" />
          </tr>
        </thead>
        <tbody>
          {cart.lines.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-10 text-center text-slate-500">
                Escaneá un producto para empezar la venta.
              </td>
            </tr>
          ) : (
            cart.lines.map((l, i) => (
              <tr key={l.productId} onClick={() => onSelect(i)} className={i === selected ? "bg-teal-50" : ""} aria-selected={i === selected}>
                <td className="px-3 py-2">{l.name}</td>
                <td className="px-3 py-2 text-right">
                  <input
                    ref={(el) => {
                      qtyRefs.current[i] = el;
                    }}
                    aria-label={`Cantidad de ${l.name}`}
                    inputMode="decimal"
                    className="w-20 rounded border border-slate-300 px-2 py-1 text-right"
                    value={l.quantity}
                    onFocus={() => onSelect(i)}
                    onKeyDown={keyDone}
                    onChange={(e) => onChange((c) => updateLine(c, i, { quantity: e.target.value.replace(",", ".") }))}
                  />
                </td>
                <td className="px-3 py-2 text-right">{formatMoney(l.unitPrice)}</td>
                <td className="px-3 py-2 text-right">
                  <input
                    ref={(el) => {
                      discRefs.current[i] = el;
                    }}
                    aria-label={`Descuento de ${l.name}`}
                    inputMode="decimal"
                    className="w-24 rounded border border-slate-300 px-2 py-1 text-right"
                    defaultValue={l.discount === "0" ? "" : l.discount.replace(".", ",")}
                    onFocus={() => onSelect(i)}
                    onKeyDown={keyDone}
                    onChange={(e) => {
                      const v = e.target.value.trim() === "" ? "0" : parseAmount(e.target.value);
                      if (v !== null) onChange((c) => updateLine(c, i, { discount: v }));
                    }}
                  />
                </td>
                <td className="px-3 py-2 text-right font-medium">{formatMoney(safe(() => lineTotal(l)))}</td>
                <td className="px-3 py-2 text-right">
                  <button
                    type="button"
                    className="text-red-700 hover:underline"
                    aria-label={`Quitar ${l.name}`}
                    onClick={() => {
                      onChange((c) => removeLine(c, i));
                      onDone();
                    }}
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
