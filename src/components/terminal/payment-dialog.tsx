"use client";
import { useEffect, useRef, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { Decimal, money } from "@/lib/decimal";
import { formatMoney } from "@/lib/format";
import { PAYMENT_METHOD_OPTIONS, paymentLabel } from "@/lib/payment-methods";
import type { PaymentMethod } from "@/lib/schemas/sale";
import { parseAmount, type Payment } from "@/pos/cart";
import { paymentState, type PaymentRow } from "./payment-rows";
import { ChargeOptions } from "@/components/billing/charge-options";
import type { TSaleCharge } from "@/lib/schemas/sale";

const toText = (d: Decimal) => formatMoney(d).replace(/^\s*\$\s*/, "").trim();

/**
 * Several methods, change only from cash. Keyboard alone: the focus starts on the AMOUNT;
 * Alt+<letter> adds a method with what is still owed; while the cash row was not typed in,
 * it follows the rest (adding a card lowers it, it never turns into change); Enter confirms.
 */
// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
export function PaymentDialog({
  open,
  onOpenChange,
  total,
  busy,
  error,
  onConfirm,
  returnFocus,
}: {
  /** The scan field: where the cashier continues after paying or cancelling. */
  returnFocus?: () => void;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  total: Decimal;
  busy: boolean;
  error: string | null;
  onConfirm: (payments: Payment[], charge?: TSaleCharge) => void;
}) {
  const [rows, setRows] = useState<PaymentRow[]>([]);
  const amountRefs = useRef<(HTMLInputElement | null)[]>([]);
  const focusRow = useRef<number>(0);

  // Reset only when the dialog opens or the amount really changes: the parent re-renders
  // often (sync status), and that must never wipe what the cashier is typing.
  const totalKey = money(total);
  useEffect(() => {
    if (open) {
      setRows([{ method: "CASH", text: toText(new Decimal(totalKey)), auto: true }]);
      focusRow.current = 0;
    }
  }, [open, totalKey]);
  useEffect(() => {
    const el = amountRefs.current[focusRow.current];
    if (open && el && document.activeElement !== el) {
      el.focus();
      el.select();
    }
  }, [rows.length, open]);

  const st = paymentState(total, rows);
  const shown = st.rows;

  function add(method: PaymentMethod) {
    setRows((rs) => {
      const now = paymentState(total, rs);
      focusRow.current = rs.length;
      return [...rs, { method, text: toText(now.owedExcludingAuto), auto: false }];
    });
  }
  function confirm() {
    if (st.problem || busy) return;
    onConfirm(shown.map((r) => ({ method: r.method, amount: parseAmount(r.text)! })));
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Cobrar"
      description={`Total a cobrar: ${formatMoney(total)}`}
      onCloseAutoFocus={(e) => {
        if (!returnFocus) return;
        e.preventDefault();
        returnFocus();
      }}
      onOpenAutoFocus={(e) => {
        e.preventDefault();
        amountRefs.current[0]?.focus();
        amountRefs.current[0]?.select();
      }}
    >
      {/* Alt+letter shortcuts for the payment methods apply anywhere in the form. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          confirm();
        }}
        onKeyDown={(e) => {
          if (!e.altKey) return;
          const o = PAYMENT_METHOD_OPTIONS.find((x) => x.key === e.key.toLowerCase());
          if (o) {
            e.preventDefault();
            add(o.method);
          }
        }}
        className="space-y-4"
      >
        <p className="text-3xl font-bold text-slate-900" data-testid="payment-total">
          {formatMoney(total)}
        </p>
        <div className="space-y-2">
          {shown.map((r, i) => (
            <div key={i} className="flex flex-wrap items-center gap-2">
              <select
                aria-label={`Medio de pago ${i + 1}`}
                tabIndex={-1}
                className="min-h-11 rounded-md border border-slate-300 px-2 py-2 text-sm"
                value={r.method}
                onChange={(e) => setRows((rs) => rs.map((x, j) => (j === i ? { ...x, method: e.target.value as PaymentMethod } : x)))}
              >
                {PAYMENT_METHOD_OPTIONS.map((o) => (
                  <option key={o.method} value={o.method}>
                    {o.label}
                  </option>
                ))}
              </select>
              <input
                ref={(el) => {
                  amountRefs.current[i] = el;
                }}
                aria-label={`Importe ${paymentLabel(r.method)}`}
                inputMode="decimal"
                className="min-h-11 w-36 rounded-md border border-slate-300 px-3 py-2 text-right text-lg"
                value={r.text}
                onChange={(e) => setRows((rs) => rs.map((x, j) => (j === i ? { ...x, text: e.target.value, auto: false } : x)))}
              />
              {shown.length > 1 ? (
                <button type="button" tabIndex={-1} className="min-h-11 px-2 text-sm text-red-700 underline" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                  Quitar
                </button>
              ) : null}
            </div>
          ))}
        </div>
        <div className="flex flex-wrap gap-2 text-sm">
          {PAYMENT_METHOD_OPTIONS.map((o) => (
            <Button key={o.method} type="button" variant="secondary" tabIndex={-1} className="min-h-11" onClick={() => add(o.method)}>
              + {o.label} <kbd className="text-xs text-slate-500">Alt+{o.key.toUpperCase()}</kbd>
            </Button>
          ))}
        </div>
        <ChargeOptions busy={busy} total={totalKey} onCharge={(charge) => !busy && onConfirm([], charge)} />
        <dl className="grid grid-cols-2 gap-1 text-sm">
          <dt className="text-slate-600">Pagado</dt>
          <dd className="text-right">{formatMoney(st.paid)}</dd>
          {st.owed.gt(0) ? (
            <>
              <dt className="text-lg font-semibold text-amber-800">Resta cobrar</dt>
              <dd className="text-right text-lg font-semibold text-amber-800" data-testid="payment-owed">
                {formatMoney(st.owed)}
              </dd>
            </>
          ) : (
            <>
              <dt className="text-lg font-semibold text-slate-800">Vuelto</dt>
              <dd className="text-right text-lg font-semibold text-teal-800" data-testid="payment-change">
                {formatMoney(st.change)}
              </dd>
            </>
          )}
        </dl>
        {st.problem && st.problem !== "OWED" ? <Alert kind="warning">{st.problem}</Alert> : null}
        {error ? <Alert>{error}</Alert> : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="secondary" className="min-h-11" onClick={() => onOpenChange(false)}>
            Cancelar (Esc)
          </Button>
          <Button type="submit" className="min-h-11" busy={busy} disabled={!!st.problem}>
            Confirmar venta (Enter)
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
