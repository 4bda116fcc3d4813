import { Decimal } from "@/lib/decimal";

export type DeviationClass = "NORMAL" | "WARNING" | "CRITICAL";
const RANK: Record<DeviationClass, number> = { NORMAL: 0, WARNING: 1, CRITICAL: 2 };

/**
 * deviation = declared − expected; pct = deviation / expected × 100 (signed).
 * With nothing expected, any declared amount counts as 100 %.
 * Classified on the exact |pct|: ≤ 1 NORMAL, ≤ 5 WARNING, > 5 CRITICAL.
 */
export function computeDeviation(declared: Decimal.Value, expected: Decimal.Value) {
  const d = new Decimal(declared);
  const e = new Decimal(expected);
  const deviation = d.minus(e);
  const pct = e.isZero() ? (deviation.isZero() ? new Decimal(0) : new Decimal(100).times(Decimal.sign(deviation))) : deviation.div(e.abs()).times(100);
  const abs = pct.abs();
  const cls: DeviationClass = abs.lte(1) ? "NORMAL" : abs.lte(5) ? "WARNING" : "CRITICAL";
  return { deviation: deviation.toFixed(2), pct: pct.toDecimalPlaces(4).toFixed(4), class: cls };
}

export const worstClass = (classes: DeviationClass[]): DeviationClass =>
  classes.reduce<DeviationClass>((w, c) => (RANK[c] > RANK[w] ? c : w), "NORMAL");

export const DEVIATION_LABELS: Record<DeviationClass, string> = {
  NORMAL: "Normal",
  WARNING: "Advertencia",
  CRITICAL: "Crítico",
};
