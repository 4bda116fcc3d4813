import { Decimal } from "@/lib/decimal";
import { formatMoney, formatQty } from "@/lib/format";

const pctFmt = new Intl.NumberFormat("es-AR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const compactFmt = new Intl.NumberFormat("es-AR", { notation: "compact", maximumFractionDigits: 1 });
const intFmt = new Intl.NumberFormat("es-AR");

export const money = (v: string | null | undefined) => (v === null || v === undefined ? "—" : formatMoney(v));
export const qty = (v: string | null | undefined) => (v === null || v === undefined ? "—" : formatQty(v));
export const int = (v: number | null | undefined) => (v === null || v === undefined ? "—" : intFmt.format(v));
/** A percentage given as a decimal string ("65.07") → "65,1 %". */
export const pct = (v: string | null | undefined) => (v === null || v === undefined ? "—" : `${pctFmt.format(Number(v))} %`);
/** Axis ticks: "$ 1,2 M". */
export const compactMoney = (v: number) => `$ ${compactFmt.format(v)}`;

/** Change against the previous period, as a percentage (null when there is nothing to compare). */
export function change(current: string | number | null, previous: string | number | null): number | null {
  if (current === null || previous === null) return null;
  const p = new Decimal(previous);
  if (p.isZero()) return null;
  return new Decimal(current).minus(p).div(p.abs()).times(100).toDecimalPlaces(1).toNumber();
}
export const signedPct = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : ""}${pctFmt.format(Math.abs(n))} %`;
