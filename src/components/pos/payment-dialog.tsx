"use client";
import { useEffect, useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { Decimal } from "@/lib/decimal";
import { formatMoney } from "@/lib/format";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod, type TSaleInput } from "@/lib/schemas/sale";
import { parseAmount } from "./cart";

type Row = { method: PaymentMethod; text: string };

/**
 * Payment with several methods. Cash may exceed the total (change); cards and transfers may
 * not. Keyboard: type the amount, Enter confirms; Alt+E/D/C/T add a method.
 */
export function PaymentDialog({
  open,
  onOpenChange,
  total,
  busy,
  error,
  onConfirm,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  total: Decimal;
  busy: boolean;
  error: string | null;
  onConfirm: (payments: TSaleInput["payments"]) => void;
}) {
  const [rows, setRows] = useState<Row[]>([]);
  const last = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (open) setRows([{ method: "CASH", text: total.toFixed(2).replace(".", ",") }]);
  }, [open, total]);
  useEffect(() => {
    last.current?.focus();
    last.current?.select();
  }, [rows.length, open]);

  const amounts = rows.map((r) => parseAmount(r.text));
  const invalid = amounts.some((a) => a === null);
  const paid = amounts.reduce<Decimal>((acc, a) => acc.plus(a ?? 0), new Decimal(0));
  const nonCash = rows.reduce<Decimal>((acc, r, i) => (r.method === "CASH" ? acc : acc.plus(amounts[i] ?? 0)), new Decimal(0));
  const missing = total.minus(paid);
  const change = paid.minus(total);
  const problem = invalid
    ? "Revisá los importes."
    : nonCash.gt(total)
      ? "Tarjeta y transferencia no pueden superar el total (solo el efectivo da vuelto)."
      : missing.gt(0)
        ? `Falta cobrar ${formatMoney(missing)}.`
        : null;

  function add(method: PaymentMethod) {
    const rest = Decimal.max(total.minus(paid), 0);
    setRows((r) => [...r, { method, text: rest.toFixed(2).replace(".", ",") }]);
  }
  function confirm() {
    if (problem || busy) return;
    onConfirm(rows.map((r, i) => ({ method: r.method, amount: amounts[i]! })));
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Cobrar" description={`Total a cobrar: ${formatMoney(total)}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
        onKeyDown={(e) => {
          if (!e.altKey) return;
          const map: Record<string, PaymentMethod> = { e: "CASH", d: "DEBIT", c: "CREDIT", t: "TRANSFER" };
          const m = map[e.key.toLowerCase()];
          if (m) {
            e.preventDefault();
            add(m);
          }
        }}
        className="space-y-4"
      >
        <p className="text-3xl font-bold text-slate-900" data-testid="payment-total">
          {formatMoney(total)}
        </p>
        <div className="space-y-2">
          {rows.map((r, i) => (
            <div key={i} className="flex items-center gap-2">
              <select
                aria-label={`Medio de pago ${i + 1}`}
                className="rounded-md border border-slate-300 px-2 py-2 text-sm"
                value={r.method}
                onChange={(e) => setRows((rs) => rs.map((x, j) => (j === i ? { ...x, method: e.target.value as PaymentMethod } : x)))}
              >
                {PAYMENT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {PAYMENT_METHOD_LABELS[m]}
                  </option>
                ))}
              </select>
              <input
                ref={i === rows.length - 1 ? last : undefined}
                aria-label={`Importe ${PAYMENT_METHOD_LABELS[r.method]}`}
                inputMode="decimal"
                className="w-40 rounded-md border border-slate-300 px-3 py-2 text-right text-lg"
                value={r.text}
                onChange={(e) => setRows((rs) => rs.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
              />
              {rows.length > 1 ? (
                <button type="button" className="text-sm text-red-700 underline" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                  Quitar
                </button>
              ) : null}
            </div>
          ))}
        </div>
        <div className="flex flex-wrap gap-2 text-sm">
          {PAYMENT_METHODS.map((m) => (
            <Button key={m} type="button" variant="secondary" onClick={() => add(m)}>
              + {PAYMENT_METHOD_LABELS[m]} <kbd className="text-xs text-slate-500">Alt+{m === "CASH" ? "E" : m[0]}</kbd>
            </Button>
          ))}
        </div>
        <dl className="grid grid-cols-2 gap-1 text-sm">
          <dt className="text-slate-600">Pagado</dt>
          <dd className="text-right">{formatMoney(paid)}</dd>
          <dt className="text-lg font-semibold text-slate-800">Vuelto</dt>
          <dd className="text-right text-lg font-semibold text-teal-800" data-testid="payment-change">
            {formatMoney(Decimal.max(change, 0))}
          </dd>
        </dl>
        {problem ? <Alert kind="warning">{problem}</Alert> : null}
        {error ? <Alert>{error}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancelar (Esc)
          </Button>
          <Button type="submit" busy={busy} disabled={!!problem}>
            Confirmar venta (Enter)
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
