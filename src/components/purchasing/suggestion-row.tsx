"use client";
import Link from "next/link";
import type { RouterInputs, RouterOutputs } from "@/lib/trpc/react";
import { Select } from "@/components/ui/field";
import { formatMoney, formatQty } from "@/lib/format";
import { Decimal } from "@/lib/decimal";
import { toInputText, toWire } from "@/lib/number";
import { lineSubtotal, readQuantity } from "@/lib/purchasing/typed-lines";
import { unitWord } from "@/lib/plural";
import { NumberCell } from "./number-cell";
import { num, orderNumber, td } from "./common";

export type Suggestion = RouterOutputs["purchasing"]["suggestions"]["rows"][number];
export type Edit = { selected: boolean; productId: string; quantity: string; supplierId: string };
type SaveInput = RouterInputs["purchasing"]["updateSuggestion"];

/** "4 botellas", "1 bidón", "3,5 kg": the unit agreeing with the quantity. */
const unitLabel = (u: string, quantity: string) => unitWord(quantity, u === "unit" ? "u" : u);

/**
 * One suggestion of the replenishment review: choose it, pick the family's presentation,
 * edit the quantity and the supplier (each change saved as it is made), dismiss or restore it.
 */
export function SuggestionRow(p: {
  s: Suggestion;
  e: Edit;
  slug: string;
  canWrite: boolean;
  suppliers: { id: string; name: string }[];
  /** Unit cost of the chosen product (the presentation's last cost for a family). */
  cost: string | null;
  set: (patch: Partial<Edit>) => void;
  save: (input: SaveInput) => void;
  /** Saves and re-reads the list (dismiss / restore change which rows are pending). */
  saveAndReload: (input: SaveInput) => void;
}) {
  const { s, e, canWrite, suppliers, set, save } = p;
  const done = s.status !== "PENDING";
  const subtotal = p.cost ? lineSubtotal(e.quantity, toInputText(p.cost, 4)) : null;
  return (
    <tr className={done ? "bg-slate-50 text-slate-500" : ""} data-testid={`suggestion-${s.label}`}>
      <td className={td}>
        <input
          type="checkbox"
          aria-label={`Elegir ${s.label}`}
          checked={!done && e.selected}
          disabled={done || !canWrite}
          onChange={(ev) => set({ selected: ev.target.checked })}
        />
      </td>
      <ProductCell {...p} done={done} />
      <td className={num}>
        {formatQty(s.stock)} {unitLabel(s.unit, s.stock)}
      </td>
      <td className={num}>{new Decimal(s.onOrder).gt(0) ? `${formatQty(s.onOrder)} ${unitLabel(s.unit, s.onOrder)}` : "—"}</td>
      <td className={num}>
        {formatQty(s.need)} {unitLabel(s.unit, s.need)}
      </td>
      <td className={td}>
        <NumberCell
          label={`Cantidad de ${s.label}`}
          className="w-24"
          maxDecimals={3}
          value={e.quantity}
          read={readQuantity}
          disabled={done || !canWrite}
          onChange={(v) => set({ quantity: v })}
          onCommit={(wire) => save({ id: s.id, quantity: wire })}
        />
      </td>
      <td className={td}>
        <Select
          aria-label={`Proveedor de ${s.label}`}
          value={e.supplierId}
          disabled={done || !canWrite}
          invalid={e.selected && !done && !e.supplierId}
          onChange={(ev) => {
            set({ supplierId: ev.target.value, selected: e.selected || !!ev.target.value });
            save({ id: s.id, supplierId: ev.target.value || null });
          }}
        >
          <option value="">Elegí…</option>
          {suppliers.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </Select>
      </td>
      <td className={num}>{subtotal ? formatMoney(subtotal) : "—"}</td>
    </tr>
  );
}

/** The suggestion's name and summary, the family's presentation, and its status (ordered, dismissed) or the dismiss link. */
function ProductCell({ s, e, slug, canWrite, set, save, saveAndReload, done }: Parameters<typeof SuggestionRow>[0] & { done: boolean }) {
  return (
    <td className="px-3 py-2 text-slate-800">
      <div className="font-medium">{s.label}</div>
      <div className="text-xs text-slate-600">{s.summary}</div>
      {/* A family is bought in one of its presentations: chosen here, under its name (one column less keeps the table a table on a laptop). */}
      {s.familyId ? (
        <Select
          aria-label={`Presentación de ${s.label}`}
          className="mt-1"
          value={e.productId}
          disabled={done || !canWrite}
          onChange={(ev) => {
            const opt = s.options.find((o) => o.productId === ev.target.value)!;
            set({ productId: opt.productId, quantity: toInputText(opt.packs, 3), supplierId: e.supplierId || opt.supplierId || "" });
            save({ id: s.id, productId: opt.productId, quantity: toWire(opt.packs) });
          }}
        >
          {s.options.map((o) => (
            <option key={o.productId} value={o.productId}>
              {o.name} ({formatQty(o.packs)} u.)
            </option>
          ))}
        </Select>
      ) : null}
      {s.status === "ORDERED" && s.orderId ? (
        <Link className="text-xs text-teal-800 underline" href={`/${slug}/compras/ordenes/${s.orderId}`}>
          Pedido en {orderNumber(s.orderNumber ?? 0)}
        </Link>
      ) : s.status === "DISMISSED" ? (
        <span className="text-xs">
          Descartada ·{" "}
          {canWrite ? (
            <button className="text-teal-800 underline" onClick={() => saveAndReload({ id: s.id, dismissed: false })}>
              restaurar
            </button>
          ) : null}
        </span>
      ) : canWrite ? (
        <button
          className="text-xs text-slate-500 underline hover:text-slate-800"
          onClick={() => saveAndReload({ id: s.id, dismissed: true })}
        >
          Descartar
        </button>
      ) : null}
    </td>
  );
}
