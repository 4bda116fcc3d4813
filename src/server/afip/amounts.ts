import { Decimal, dec, ZERO } from "@/lib/decimal";
import { IVA_ID_BY_RATE, type DocumentLetter } from "./codes";

export type GrossLine = { quantity: string; unitPrice: string; ivaRate: string; lineTotal?: string };
export type IvaBreakdown = { id: number; rate: string; base: string; amount: string };
export type DocumentAmounts = {
  total: string;
  net: string;
  /** ImpTotConc: not taxed. Always 0 in Mostrador (non-taxed concepts are not sold). */
  untaxed: string;
  exempt: string;
  iva: string;
  taxes: string;
  ivaBreakdown: IvaBreakdown[];
};

/** Rates arrive as percent ("21", "10.50") or as a fraction ("0.21"); AFIP ids want percent. */
export function normalizeRate(rate: string): string {
  const r = dec(rate);
  const pct = r.gt(0) && r.lt(1) ? r.times(100) : r;
  const key = pct.toDecimalPlaces(2).toString();
  if (!(key in IVA_ID_BY_RATE)) throw new RangeError(`IVA rate not accepted by AFIP: ${rate}`);
  return key;
}

/**
 * Net, IVA per aliquot and total from gross (IVA-included) lines. A sale-level discount shows
 * as `total` below the lines' sum: it is spread over the aliquots pro rata, the last one
 * absorbing the cent. Class C documents carry no IVA: net = total and no breakdown.
 */
export function computeAmounts(lines: GrossLine[], total: string, letter: DocumentLetter): DocumentAmounts {
  const totalD = dec(total).toDecimalPlaces(2);
  const zero = ZERO.toFixed(2);
  if (letter === "C") {
    return { total: totalD.toFixed(2), net: totalD.toFixed(2), untaxed: zero, exempt: zero, iva: zero, taxes: zero, ivaBreakdown: [] };
  }
  const byRate = new Map<string, Decimal>();
  for (const l of lines) {
    const key = normalizeRate(l.ivaRate);
    byRate.set(key, (byRate.get(key) ?? ZERO).plus(l.lineTotal ?? dec(l.quantity).times(l.unitPrice)));
  }
  const linesSum = [...byRate.values()].reduce((a, b) => a.plus(b), ZERO);
  const rates = [...byRate.keys()].sort((a, b) => dec(b).cmp(a));
  const grossByRate = new Map<string, Decimal>();
  let assigned = ZERO;
  rates.forEach((rate, i) => {
    const g =
      i === rates.length - 1
        ? totalD.minus(assigned)
        : linesSum.isZero()
          ? ZERO
          : byRate.get(rate)!.times(totalD).div(linesSum).toDecimalPlaces(2);
    grossByRate.set(rate, g);
    assigned = assigned.plus(g);
  });
  const ivaBreakdown: IvaBreakdown[] = rates.map((rate) => {
    const gross = grossByRate.get(rate)!;
    const base = gross.div(dec(rate).div(100).plus(1)).toDecimalPlaces(2);
    return { id: IVA_ID_BY_RATE[rate]!, rate, base: base.toFixed(2), amount: gross.minus(base).toFixed(2) };
  });
  const net = ivaBreakdown.reduce((a, b) => a.plus(b.base), ZERO);
  const iva = ivaBreakdown.reduce((a, b) => a.plus(b.amount), ZERO);
  return { total: totalD.toFixed(2), net: net.toFixed(2), untaxed: zero, exempt: zero, iva: iva.toFixed(2), taxes: zero, ivaBreakdown };
}
