import { formatNumber, parseEsAr, toWire, type ReadOptions } from "./number";
import { NUMERIC } from "./schemas/numeric";

// What a number field of a form accepts, per kind: the same limits as the numeric column it is
// stored in (lib/schemas/numeric.ts), so the browser refuses exactly what the server would.

export type NumberKind = "money" | "quantity" | "cost" | "price" | "percent" | "integer";

const shapeOf = { money: NUMERIC.money, quantity: NUMERIC.quantity, cost: NUMERIC.unitPrice, price: NUMERIC.unitPrice, percent: NUMERIC.percent } as const;

export function readOptionsFor(kind: NumberKind, extra: ReadOptions = {}): ReadOptions {
  if (kind === "integer") return { maxScale: 0, maxIntegerDigits: 9, ...extra };
  const s = shapeOf[kind];
  return { maxScale: s.scale, maxIntegerDigits: s.precision - s.scale, ...extra };
}

export type FieldReading =
  | { ok: true; empty: false; wire: string; text: string }
  | { ok: true; empty: true; wire: ""; text: "" }
  | { ok: false; message: string };

/**
 * Reads a number field when the person commits it (leaves it, presses Enter, submits): the
 * text is read es-AR style and shown back formatted ("1500" → "1.500"), so what the field shows
 * is what will be stored. Empty text is allowed here; the form decides whether it is required.
 */
export function readNumberField(text: string, kind: NumberKind, options: ReadOptions = {}): FieldReading {
  if (text.trim() === "") return { ok: true, empty: true, wire: "", text: "" };
  const r = parseEsAr(text, readOptionsFor(kind, options));
  if (!r.ok) return r;
  // Whole numbers here are days, minutes or a point of sale's number: shown without grouping.
  const shown = kind === "integer" ? toWire(r.value) : formatNumber(r.value, { maxDecimals: r.value.decimalPlaces() });
  return { ok: true, empty: false, wire: toWire(r.value), text: shown };
}

/**
 * A whole number typed in a form (days of credit, a point of sale, minutes), read by the same
 * parser as every other number ("1.000" is a thousand), within [min, max].
 */
export function readInteger(text: string, { label, min, max }: { label: string; min: number; max: number }): { ok: true; value: number } | { ok: false; message: string } {
  const r = parseEsAr(text, { label, maxScale: 0, maxIntegerDigits: 9, allowNegative: min < 0 });
  if (!r.ok) return r;
  const value = r.value.toNumber();
  if (value < min || value > max) return { ok: false, message: `${label}: un número de ${formatNumber(min)} a ${formatNumber(max)}` };
  return { ok: true, value };
}
