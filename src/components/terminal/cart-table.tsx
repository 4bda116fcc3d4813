"use client";
import { memo, type KeyboardEvent, type MutableRefObject } from "react";
import { formatMoney } from "@/lib/format";
import { Decimal } from "@/lib/decimal";
import { lineTotal, parseAmount, type Cart, type CartLine } from "@/pos/cart";
import { parseEsAr, toInputText, toWire } from "@/lib/number";

/** Half-typed quantities must not crash rendering. */
export function safe(fn: () => Decimal): Decimal {
  try {
    return fn();
  } catch {
    return new Decimal(0);
  }
}

type RowProps = {
  line: CartLine;
  index: number;
  selected: boolean;
  onSelect: (i: number) => void;
  onUpdate: (i: number, patch: Partial<CartLine>) => void;
  onRemove: (i: number) => void;
  qtyRefs: MutableRefObject<(HTMLInputElement | null)[]>;
  discRefs: MutableRefObject<(HTMLInputElement | null)[]>;
  onDone: () => void;
};

/**
 * The sale's lines: quantity (F2) and line discount (F4) inputs; Enter/Esc go back to the
 * scanner. On a phone each line is a card (no horizontal scroll), on a wide screen a row.
 * Memoized, table and rows: a key typed in the scan field does not re-render the cart, and a
 * scan renders only the line it adds or changes (the scan-to-line path stays within a frame
 * on a long ticket).
 */
export const CartTable = memo(function CartTable({ cart, selected, ...row }: { cart: Cart; selected: number } & Omit<RowProps, "line" | "index" | "selected">) {
  if (cart.lines.length === 0) {
    return <p className="rounded-lg border border-dashed border-slate-300 bg-white px-3 py-10 text-center text-slate-500">Escaneá un producto para empezar la venta.</p>;
  }
  return (
    <table className="block w-full text-sm md:table" aria-label="Productos de la venta">
      <thead className="hidden bg-slate-50 text-left text-slate-600 md:table-header-group">
        <tr>
          <th className="px-3 py-2">Producto</th>
          <th className="px-3 py-2 text-right">Cantidad</th>
          <th className="px-3 py-2 text-right">Precio</th>
          <th className="px-3 py-2 text-right">Descuento $</th>
          <th className="px-3 py-2 text-right">Importe</th>
          <th className="px-3 py-2" />
        </tr>
      </thead>
      <tbody className="block space-y-2 md:table-row-group md:space-y-0">
        {cart.lines.map((l, i) => (
          <CartRow
            key={`${l.productId}-${l.unitPrice}`}
            line={l}
            index={i}
            selected={i === selected}
            {...row}
          />
        ))}
      </tbody>
    </table>
  );
});

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
const CartRow = memo(function CartRow({ line: l, index: i, selected, onSelect, onUpdate, onRemove, qtyRefs, discRefs, onDone }: RowProps) {
  const keyDone = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === "Escape") {
      e.preventDefault();
      onDone();
    }
  };
  const commitQuantity = (input: HTMLInputElement) => {
    const r = parseEsAr(input.value, { label: "Cantidad", maxScale: 3, maxIntegerDigits: 11 });
    if (!r.ok || r.value.lte(0)) {
      input.setAttribute("aria-invalid", "true");
      input.title = r.ok ? "Cantidad: tiene que ser mayor que cero" : r.message;
      return;
    }
    input.removeAttribute("aria-invalid");
    if (toWire(r.value) !== l.quantity) onUpdate(i, { quantity: toWire(r.value) });
  };
  return (
    <tr
      onClick={() => onSelect(i)}
      aria-selected={selected}
      className={`grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-2 md:table-row md:rounded-none md:border-0 md:border-b ${selected ? "bg-teal-50 md:bg-teal-50" : ""}`}
    >
      <td className="col-span-2 break-words font-medium md:px-3 md:py-2 md:font-normal">{l.name}</td>
      <td className="md:px-3 md:py-2 md:text-right">
        <input
          ref={(el) => {
            qtyRefs.current[i] = el;
          }}
          aria-label={`Cantidad de ${l.name}`}
          inputMode="decimal"
          className="min-h-11 w-20 rounded border border-slate-300 px-2 py-1 text-right aria-[invalid=true]:border-red-500"
          // Read on commit (Enter/leaving the field), es-AR style; a new quantity from a scan re-keys it.
          key={l.quantity}
          defaultValue={toInputText(l.quantity, 3)}
          onFocus={() => onSelect(i)}
          onChange={(e) => e.currentTarget.removeAttribute("aria-invalid")}
          onBlur={(e) => commitQuantity(e.currentTarget)}
          onKeyDown={(e) => {
            if (e.key === "Enter") commitQuantity(e.currentTarget);
            keyDone(e);
          }}
        />
        <span className="ml-2 text-slate-600 md:hidden">× {formatMoney(l.unitPrice)}</span>
      </td>
      <td className="hidden md:table-cell md:px-3 md:py-2 md:text-right">{formatMoney(l.unitPrice)}</td>
      <td className="text-right md:px-3 md:py-2">
        <input
          ref={(el) => {
            discRefs.current[i] = el;
          }}
          aria-label={`Descuento de ${l.name}`}
          inputMode="decimal"
          placeholder="Desc. $"
          className="min-h-11 w-24 rounded border border-slate-300 px-2 py-1 text-right"
          defaultValue={l.discount === "0" ? "" : l.discount.replace(".", ",")}
          onFocus={() => onSelect(i)}
          onKeyDown={keyDone}
          onChange={(e) => {
            const v = e.target.value.trim() === "" ? "0" : parseAmount(e.target.value);
            if (v !== null) onUpdate(i, { discount: v });
          }}
        />
      </td>
      <td className="font-semibold md:px-3 md:py-2 md:text-right">{formatMoney(safe(() => lineTotal(l)))}</td>
      <td className="text-right md:px-3 md:py-2">
        <button
          type="button"
          className="min-h-11 min-w-11 rounded text-red-700 hover:bg-red-50"
          aria-label={`Quitar ${l.name}`}
          onClick={(e) => {
            e.stopPropagation();
            onRemove(i);
            onDone();
          }}
        >
          ✕
        </button>
      </td>
    </tr>
  );
});
