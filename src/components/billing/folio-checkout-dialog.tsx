"use client";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Alert, Field, Select } from "@/components/ui/field";
import { NumberInput } from "@/components/ui/number-input";
import { formatMoney, formatNumber } from "@/lib/number";
import { PAYMENT_METHODS, PAYMENT_METHOD_LABELS } from "@/lib/schemas/sale";
import { readMoney } from "./common";

// Closing a stay: paid at the desk (invoiced now, into an open cash session) or on the
// company's account (invoiced later in a batch). Asks before closing: no charges after it.

type Folio = { id: string; total: string; customerId: string | null; customerName: string | null; roomNumber: string };

export function CheckoutDialog({ folio, onClose }: { folio: Folio; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [mode, setMode] = useState<"PAY" | "ACCOUNT">(folio.customerId ? "ACCOUNT" : "PAY");
  const sessions = trpc.billing.openSessions.useQuery(undefined, { enabled: mode === "PAY" });
  const [cashSessionId, setCashSessionId] = useState("");
  const [method, setMethod] = useState<Method>("CASH");
  const [amount, setAmount] = useState("");
  const [local, setLocal] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const m = trpc.billing.checkout.useMutation({
    onSuccess: () => {
      void utils.billing.folio.invalidate({ id: folio.id });
      void utils.billing.folios.invalidate();
      onClose();
    },
    onSettled: () => setConfirm(false),
  });
  const go = () => {
    if (mode === "ACCOUNT") return m.mutate({ mode, folioId: folio.id });
    const a = readMoney(amount || folio.total);
    const session = cashSessionId || sessions.data?.[0]?.cashSessionId;
    if (!a.ok) return setLocal(a.message);
    if (!session) return setLocal("No hay una caja abierta: abrí una caja en el punto de venta para cobrar.");
    m.mutate({ mode, folioId: folio.id, cashSessionId: session, payments: [{ method, amount: a.value }] });
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Checkout · Hab. ${folio.roomNumber}`} description={`Total del folio: ${formatMoney(folio.total)}`}>
      <div className="space-y-3">
        <ModeChoice mode={mode} onMode={setMode} folio={folio} />
        {mode === "PAY" && sessions.data && sessions.data.length === 0 ? (
          <Alert kind="warning">No hay ninguna caja abierta: abrí una en el punto de venta para cobrar en el mostrador{folio.customerId ? ", o cerrá el folio a cuenta de la empresa" : ""}.</Alert>
        ) : null}
        {mode === "PAY" ? (
          <PayFields
            sessions={sessions.data ?? []}
            cashSessionId={cashSessionId}
            onCashSession={setCashSessionId}
            method={method}
            onMethod={setMethod}
            amount={amount}
            onAmount={setAmount}
            total={folio.total}
          />
        ) : null}
        {local ? <Alert>{local}</Alert> : null}
        {m.error ? <Alert>{errorMessage(m.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancelar
          </Button>
          <Button onClick={() => setConfirm(true)} disabled={mode === "PAY" && sessions.data?.length === 0}>
            {mode === "PAY" ? "Cobrar y cerrar" : "Cerrar a cuenta de la empresa"}
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title="¿Cerrar el folio?"
        description="Después no se pueden agregar cargos a esta estadía."
        confirmLabel="Cerrar folio"
        busy={m.isPending}
        onConfirm={go}
      />
    </Dialog>
  );
}

function ModeChoice({ mode, onMode, folio }: { mode: "PAY" | "ACCOUNT"; onMode: (m: "PAY" | "ACCOUNT") => void; folio: Folio }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">¿Cómo se cierra?</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="mode" checked={mode === "PAY"} onChange={() => onMode("PAY")} /> Cobrar en el mostrador (se factura ahora)
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="mode" checked={mode === "ACCOUNT"} onChange={() => onMode("ACCOUNT")} disabled={!folio.customerId} /> A cuenta de{" "}
        {folio.customerName ?? "la empresa (el folio no tiene empresa)"}
      </label>
    </fieldset>
  );
}

type Method = (typeof PAYMENT_METHODS)[number];

/** Paying at the desk: which open cash session takes it, the method and the amount (default: the folio's total). */
function PayFields(p: {
  sessions: { cashSessionId: string; registerName: string }[];
  cashSessionId: string;
  onCashSession: (id: string) => void;
  method: Method;
  onMethod: (m: Method) => void;
  amount: string;
  onAmount: (a: string) => void;
  total: string;
}) {
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      <Field label="Caja">
        <Select value={p.cashSessionId} onChange={(e) => p.onCashSession(e.target.value)}>
          {p.sessions.map((s) => (
            <option key={s.cashSessionId} value={s.cashSessionId}>
              {s.registerName}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Medio de pago">
        <Select value={p.method} onChange={(e) => p.onMethod(e.target.value as Method)}>
          {PAYMENT_METHODS.map((m) => (
            <option key={m} value={m}>
              {PAYMENT_METHOD_LABELS[m]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Importe">
        <NumberInput kind="money" label="Importe" value={p.amount} onValueChange={p.onAmount} placeholder={formatNumber(p.total, { minDecimals: 2, maxDecimals: 2 })} />
      </Field>
    </div>
  );
}
