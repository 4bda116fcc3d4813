import { Decimal } from "./decimal";

// The ONE reader and writer of numbers as people in Argentina write them: the dot groups
// thousands, the comma separates decimals ("10.000" is ten thousand, "1.234,56" a decimal).
// Every money, quantity, cost, price and percent field, the CSV imports and the shared zod
// schemas go through here, so "1.500" can never be stored as 1,5 in one place and 1500 in
// another. Anything that could be read two ways is refused with a message that shows the
// reading we would have made, never guessed.

export type NumberReading = { ok: true; value: Decimal } | { ok: false; message: string };

export type ReadOptions = {
  /** Field name for messages ("Cantidad"); messages start with it. */
  label?: string;
  /** Negative values are refused unless the field allows them (deviations, adjustments). */
  allowNegative?: boolean;
  /** Most decimals the field stores (numeric scale). */
  maxScale?: number;
  /** Most digits before the decimal separator (numeric precision − scale). */
  maxIntegerDigits?: number;
};

const SPACE = /[\s\u00a0\u202f]/;
const MINUS = /^[-\u2212]/;
// Grouped with dots every three digits, or not grouped at all; optional decimal comma.
const ES_AR = /^(\d{1,3}(?:\.\d{3})+|\d+)?(?:,(\d+))?$/;
/** A plain decimal as machines write it ("1500", "1500.5", "-2.000"): the wire format. */
export const CANONICAL = /^-?\d+(?:\.\d+)?$/;

const prefix = (o: ReadOptions) => (o.label ? `${o.label}: ` : "");
const refuse = (o: ReadOptions, message: string): NumberReading => ({ ok: false, message: prefix(o) + message });

/**
 * Reads what a person typed, es-AR style. Accepts surrounding spaces, a "$" (with or without a
 * space), a leading minus (only with `allowNegative`), ",5" for 0,5.
 */
export function parseEsAr(text: string, options: ReadOptions = {}): NumberReading {
  const shown = text.trim();
  if (shown === "") return refuse(options, "ingresá un número");
  let rest = shown;
  let negative = false;
  const takeMinus = () => {
    if (MINUS.test(rest)) {
      if (negative) return false;
      negative = true;
      rest = rest.slice(1).trimStart();
    }
    return true;
  };
  takeMinus();
  if (rest.startsWith("$")) rest = rest.slice(1).trimStart();
  if (!takeMinus()) return refuse(options, `no se entiende «${shown}»`);
  if (SPACE.test(rest)) return refuse(options, `«${shown}» tiene espacios entre las cifras; escribilo sin espacios (por ejemplo 1.500)`);
  const m = ES_AR.exec(rest);
  if (!m || (m[1] === undefined && m[2] === undefined)) return refuse(options, explainMalformed(shown, rest));
  const integer = (m[1] ?? "0").replace(/\./g, "");
  const value = new Decimal(`${negative ? "-" : ""}${integer}.${m[2] ?? "0"}`);
  return check(value, options);
}

function explainMalformed(shown: string, body: string): string {
  const hint = "en es-AR el punto separa los miles y la coma los decimales (1.234,56)";
  const lastDot = body.lastIndexOf(".");
  const lastComma = body.lastIndexOf(",");
  if (lastDot > -1 && lastComma > -1 && lastComma < lastDot) {
    return `«${shown}» parece escrito con punto decimal; ${hint}`;
  }
  const dots = body.split(".").length - 1;
  if (dots === 1 && lastComma === -1 && /^\d+\.\d+$/.test(body)) {
    const [i, d] = body.split(".");
    return `«${shown}» es ambiguo: ${hint}. ¿Quisiste decir ${i},${d}?`;
  }
  if (body.split(",").length > 2) return `«${shown}» tiene más de una coma decimal`;
  if (lastDot > -1) return `«${shown}» tiene los puntos de miles mal ubicados (se agrupan de a tres cifras: 1.234.567)`;
  return `«${shown}» no es un número; ${hint}`;
}

function check(value: Decimal, o: ReadOptions): NumberReading {
  // Only refusals say how the value was read: formatting it for every accepted value would cost
  // a CSV import of thousands of rows for nothing.
  const read = () => `se leyó ${formatNumber(value, { maxDecimals: value.decimalPlaces() })}`;
  if (value.isNegative() && !value.isZero() && !o.allowNegative) return refuse(o, `${read()}: no puede ser negativo`);
  if (o.maxScale !== undefined && value.decimalPlaces() > o.maxScale) {
    const places = `${o.maxScale} ${o.maxScale === 1 ? "decimal" : "decimales"}`;
    return refuse(o, o.maxScale === 0 ? `usá un número entero (${read()})` : `usá un número con hasta ${places} (${read()})`);
  }
  if (o.maxIntegerDigits !== undefined && value.abs().gte(new Decimal(10).pow(o.maxIntegerDigits))) {
    return refuse(o, `${read()}: es demasiado grande`);
  }
  return { ok: true, value: value.isZero() ? new Decimal(0) : value };
}

/**
 * Reads a value that came over the wire OR was typed: numbers and canonical decimal strings
 * ("1500.50", what our own API and forms send) are read as such; anything else as es-AR text.
 * A single dot followed by digits is therefore the machine's decimal point here: user text
 * must go through `parseEsAr` (the number input does) before it is sent.
 */
export function readDecimal(input: string | number, options: ReadOptions = {}): NumberReading {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return refuse(options, "no es un número");
    return check(new Decimal(String(input)), options);
  }
  const t = input.trim();
  if (CANONICAL.test(t)) return check(new Decimal(t), options);
  return parseEsAr(t, options);
}

/** The wire form of a decimal: plain digits, dot decimal, never exponent notation. */
export const toWire = (v: Decimal.Value): string => new Decimal(v).toFixed();

export type FormatOptions = { minDecimals?: number; maxDecimals?: number };

/**
 * es-AR text for a decimal, exact (no float on the way): "1.234,56". Rounds half up to
 * `maxDecimals` (default 3) and keeps at least `minDecimals` (default 0).
 */
export function formatNumber(v: Decimal.Value, { minDecimals = 0, maxDecimals = Math.max(3, minDecimals) }: FormatOptions = {}): string {
  const d = new Decimal(v);
  let s = d.abs().toFixed(maxDecimals);
  let [int, frac = ""] = s.split(".");
  frac = frac.replace(/0+$/, "");
  if (frac.length < minDecimals) frac = frac.padEnd(minDecimals, "0");
  int = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  s = frac ? `${int},${frac}` : int;
  const zero = /^[0.,]*$/.test(s);
  return d.isNegative() && !zero ? `-${s}` : s;
}

/** "$ 1.234,56" (no-break space, as Intl's es-AR currency format writes it). */
export const formatMoney = (v: Decimal.Value): string => {
  const s = formatNumber(v, { minDecimals: 2, maxDecimals: 2 });
  return s.startsWith("-") ? `-$\u00a0${s.slice(1)}` : `$\u00a0${s}`;
};

/** Quantities with up to 3 decimals: "1.500", "0,25". */
export const formatQuantity = (v: Decimal.Value): string => formatNumber(v, { maxDecimals: 3 });

/** A percentage with a decimal comma: "-19,58 %" (up to 2 decimals). */
export const formatPercent = (v: Decimal.Value, maxDecimals = 2): string => `${formatNumber(v, { maxDecimals })}\u00a0%`;

/** What an edit form shows for a stored value: es-AR text that reads back to the same number. */
export const toInputText = (v: Decimal.Value | null | undefined, maxDecimals = 4): string =>
  v === null || v === undefined || v === "" ? "" : formatNumber(v, { maxDecimals });

/**
 * What a person typed → the wire's canonical decimal ("1.500" → "1500", "2,5" → "2.5"). Text that
 * cannot be read unambiguously is sent as-is prefixed so the server refuses it with a message;
 * it is never sent in a form the server could read as a different number.
 */
export function typedToWire(text: string): string {
  if (text.trim() === "") return text;
  const r = parseEsAr(text);
  return r.ok ? toWire(r.value) : `no es un número: ${text}`.slice(0, 40);
}
