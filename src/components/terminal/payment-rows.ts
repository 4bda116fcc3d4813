import { Decimal } from "@/lib/decimal";
import { formatNumber } from "@/lib/number";
import { PAYMENT_METHOD_OPTIONS } from "@/lib/payment-methods";
import type { PaymentMethod } from "@/lib/schemas/sale";
import { parseAmount } from "@/pos/cart";

/** A payment row as typed. `auto`: the cash row nobody typed in yet follows what is owed. */
export type PaymentRow = { method: PaymentMethod; text: string; auto: boolean };

const givesChange = (m: PaymentMethod) => PAYMENT_METHOD_OPTIONS.find((o) => o.method === m)?.givesChange ?? false;
const fmt = (d: Decimal) => formatNumber(d, { minDecimals: 2, maxDecimals: 2 });

/**
 * The arithmetic of the payment dialog, pure: an automatic cash row shows total − the rest
 * (never below zero), so adding a card lowers the cash instead of creating change; owed and
 * change come from exact decimals. `problem` says why it cannot be confirmed ("OWED" when
 * only money is missing, shown as "Resta cobrar").
 */
export function paymentState(total: Decimal, rows: PaymentRow[]) {
  const fixed = rows.filter((r) => !r.auto).reduce((acc, r) => acc.plus(parseAmount(r.text) ?? 0), new Decimal(0));
  const autoValue = Decimal.max(total.minus(fixed), 0);
  const shown = rows.map((r) => (r.auto ? { ...r, text: fmt(autoValue) } : r));
  const amounts = shown.map((r) => parseAmount(r.text));
  const invalid = amounts.some((a) => a === null);
  const paid = amounts.reduce<Decimal>((acc, a) => acc.plus(a ?? 0), new Decimal(0));
  const noChange = shown.reduce<Decimal>((acc, r, i) => (givesChange(r.method) ? acc : acc.plus(amounts[i] ?? 0)), new Decimal(0));
  const owed = Decimal.max(total.minus(paid), 0);
  const change = Decimal.max(paid.minus(total), 0);
  const owedExcludingAuto = Decimal.max(total.minus(fixed), 0);
  const problem = invalid
    ? "Revisá los importes: escribilos como 1.234,50."
    : noChange.gt(total)
      ? "Tarjeta y transferencia no pueden superar el total (solo el efectivo da vuelto)."
      : owed.gt(0)
        ? "OWED"
        : null;
  return { rows: shown, paid, owed, change, owedExcludingAuto, problem };
}
