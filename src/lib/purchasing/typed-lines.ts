import { Decimal } from "../decimal";
import { parseEsAr, toWire, type NumberReading } from "../number";
import { NUMERIC } from "../schemas/numeric";

// What the purchasing forms (order, receipt with or without an order, suggestions) do with the
// numbers people type in their lines: read them es-AR style with the one shared parser, add
// them up for the totals shown while typing, and turn them into the wire's canonical decimals
// before sending, or refuse with the reading ("1.50" is ambiguous) and send nothing.

/** Quantities as the quantity columns store them: numeric(14,3), positive. */
export const readQuantity = (text: string, label = "Cantidad"): NumberReading => {
  const r = parseEsAr(text, { label, maxScale: NUMERIC.quantity.scale, maxIntegerDigits: NUMERIC.quantity.precision - NUMERIC.quantity.scale });
  return r.ok && !r.value.gt(0) ? { ok: false, message: `${label}: debe ser mayor que cero` } : r;
};

/** Unit costs: numeric(14,4), zero allowed (a free sample), never negative. */
export const readCost = (text: string, label = "Costo unitario"): NumberReading =>
  parseEsAr(text, { label, maxScale: NUMERIC.unitPrice.scale, maxIntegerDigits: NUMERIC.unitPrice.precision - NUMERIC.unitPrice.scale });

/** quantity × cost while typing; null when either is still unreadable (the cell shows "—"). */
export function lineSubtotal(quantity: string, unitCost: string): Decimal | null {
  const q = parseEsAr(quantity);
  const c = unitCost.trim() === "" ? ({ ok: true, value: new Decimal(0) } as const) : parseEsAr(unitCost);
  return q.ok && c.ok ? q.value.times(c.value) : null;
}

/** Sum of the readable subtotals. */
export const linesTotal = (lines: readonly { quantity: string; unitCost: string }[]): Decimal =>
  lines.reduce((a, l) => a.plus(lineSubtotal(l.quantity, l.unitCost) ?? 0), new Decimal(0));

export type WireNumbers = { quantity: string; unitCost: string };

/**
 * Every line's quantity and cost as wire text, or every message at once (each prefixed with the
 * line's name) so a person fixes all of them in one pass. An empty cost is refused too: a
 * receipt values stock at it.
 */
export function readLines<T extends { quantity: string; unitCost: string }>(
  lines: readonly T[],
  nameOf: (line: T, index: number) => string,
): { ok: true; lines: (T & WireNumbers)[] } | { ok: false; messages: string[] } {
  const messages: string[] = [];
  const out = lines.map((l, i) => {
    const name = nameOf(l, i);
    const q = readQuantity(l.quantity, `${name} · cantidad`);
    const c = readCost(l.unitCost, `${name} · costo`);
    if (!q.ok) messages.push(q.message);
    if (!c.ok) messages.push(c.message);
    return { ...l, quantity: q.ok ? toWire(q.value) : l.quantity, unitCost: c.ok ? toWire(c.value) : l.unitCost };
  });
  return messages.length ? { ok: false, messages } : { ok: true, lines: out };
}
