import "server-only";
import { AppError } from "../errors/app-error";
import { Decimal, sum } from "@/lib/decimal";
import type { TSaleInput } from "@/lib/schemas/sale";

/**
 * Payments: card and transfer amounts are taken as tendered and may not exceed what is owed;
 * cash may exceed it and the excess is the change (taken off the last cash payments).
 */
export function applyPayments(input: TSaleInput["payments"], total: Decimal) {
  const rows = input.map((p) => ({ method: p.method, amount: new Decimal(p.amount), applied: new Decimal(p.amount) }));
  const paid = sum(rows.map((r) => r.amount));
  const nonCash = sum(rows.filter((r) => r.method !== "CASH").map((r) => r.amount));
  if (nonCash.gt(total)) {
    throw new AppError("VALIDATION", "Los pagos con tarjeta o transferencia superan el total: solo el efectivo da vuelto.");
  }
  if (paid.lt(total)) {
    throw new AppError("VALIDATION", `Falta cobrar $ ${total.minus(paid).toFixed(2)}.`, { missing: total.minus(paid).toFixed(2) });
  }
  const change = paid.minus(total);
  let left = change;
  for (let i = rows.length - 1; i >= 0 && left.gt(0); i--) {
    const r = rows[i]!;
    if (r.method !== "CASH") continue;
    const take = Decimal.min(r.applied, left);
    r.applied = r.applied.minus(take);
    left = left.minus(take);
  }
  return {
    paid,
    change,
    rows: rows.map((r) => ({ method: r.method, amount: r.amount.toFixed(2), applied: r.applied.toFixed(2) })),
  };
}
