"use client";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Alert, Field } from "@/components/ui/field";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { formatMoney } from "@/lib/format";
import { formatPercent } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { PAYMENT_METHOD_LABELS, PAYMENT_METHODS, type PaymentMethod } from "@/lib/schemas/sale";
import { parseAmount } from "@/pos/cart";

const CLASS_TEXT = { NORMAL: "Normal", WARNING: "Advertencia", CRITICAL: "Crítico" } as const;

/** Blind closing: the cashier types what they counted; the expected figures appear only after. */
// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
export function CloseSessionDialog({
  open,
  onOpenChange,
  cashSessionId,
  onClosed,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  cashSessionId: string;
  onClosed: () => void;
}) {
  const [values, setValues] = useState<Record<PaymentMethod, string>>({ CASH: "", DEBIT: "", CREDIT: "", TRANSFER: "" });
  const close = trpc.pos.closeSession.useMutation();
  const parsed = PAYMENT_METHODS.map((m) => [m, values[m].trim() === "" ? "0.00" : parseAmount(values[m])] as const);
  const invalid = parsed.some(([, v]) => v === null);
  const result = close.data;

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        onOpenChange(o);
        if (!o && result) onClosed();
      }}
      title="Cerrar caja (arqueo ciego)"
      description="Contá el dinero y los comprobantes e ingresá lo que contaste por medio de pago. No se muestra lo esperado hasta que declares."
    >
      {!result ? (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (invalid) return;
            // The offline POS cancels this while this browser still holds unsynced sales.
            if (!window.dispatchEvent(new CustomEvent("mostrador:before-close-session", { cancelable: true, detail: { cashSessionId } }))) return;
            close.mutate({ cashSessionId, declared: parsed.map(([method, amount]) => ({ method, amount: amount! })) });
          }}
        >
          {PAYMENT_METHODS.map((m, i) => (
            <Field key={m} label={`${PAYMENT_METHOD_LABELS[m]} contado`}>
              <NumberInput
                kind="money"
                label={PAYMENT_METHOD_LABELS[m]}
                autoFocus={i === 0}
                aria-label={`${PAYMENT_METHOD_LABELS[m]} contado`}
                className="text-right"
                placeholder="0,00"
                value={values[m]}
                onValueChange={(text) => setValues((v) => ({ ...v, [m]: text }))}
              />
            </Field>
          ))}
          {invalid ? <Alert kind="warning">Revisá los importes (por ejemplo 1.234,50).</Alert> : null}
          {close.error ? <Alert>{errorMessage(close.error)}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
              Cancelar
            </Button>
            <Button type="submit" variant="danger" busy={close.isPending} disabled={invalid}>
              Declarar y cerrar caja
            </Button>
          </div>
        </form>
      ) : (
        <div className="space-y-3" data-testid="closing-result">
          <Alert kind={result.deviationClass === "NORMAL" ? "success" : result.deviationClass === "WARNING" ? "warning" : "error"}>
            Caja cerrada. Desvío {CLASS_TEXT[result.deviationClass]}: {formatMoney(result.deviation)} ({formatPercent(result.deviationPct)}).
            {result.review === "PENDING" ? " Queda pendiente de justificación por un supervisor." : ""}
          </Alert>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-slate-600">
                <th>Medio</th>
                <th className="text-right">Declarado</th>
                <th className="text-right">Esperado</th>
                <th className="text-right">Desvío</th>
              </tr>
            </thead>
            <tbody>
              {result.lines.map((l) => (
                <tr key={l.method}>
                  <td>{PAYMENT_METHOD_LABELS[l.method]}</td>
                  <td className="text-right">{formatMoney(l.declared)}</td>
                  <td className="text-right">{formatMoney(l.expected)}</td>
                  <td className="text-right">{formatMoney(l.deviation)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex justify-end">
            <Button
              onClick={() => {
                onOpenChange(false);
                onClosed();
              }}
            >
              Listo
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
