import { Decimal, money, qty, sum, unitPrice } from "@/lib/decimal";
import type { ChargeLine } from "../db/schema/billing";

/** Manual charge lines (gross prices, IVA included) → stored lines and their total. */
export function manualChargeLines(lines: { description: string; quantity: string; unitPrice: string; ivaRate: string }[]): { lines: ChargeLine[]; total: string } {
  const out = lines.map((l) => ({
    description: l.description,
    quantity: qty(l.quantity),
    unitPrice: unitPrice(l.unitPrice),
    lineTotal: money(new Decimal(l.quantity).times(l.unitPrice).toDecimalPlaces(2)),
    ivaRate: l.ivaRate,
    isService: true,
  }));
  return { lines: out, total: money(sum(out.map((l) => l.lineTotal))) };
}

/** Gross amounts per IVA rate ("21" → total), for the pending billables page. */
export function amountsByRate(lines: Pick<ChargeLine, "ivaRate" | "lineTotal">[]): { rate: string; total: string }[] {
  const m = new Map<string, Decimal>();
  for (const l of lines) {
    const rate = new Decimal(l.ivaRate).toString();
    m.set(rate, (m.get(rate) ?? new Decimal(0)).plus(l.lineTotal));
  }
  return [...m].sort((a, b) => Number(b[0]) - Number(a[0])).map(([rate, t]) => ({ rate, total: t.toFixed(2) }));
}
