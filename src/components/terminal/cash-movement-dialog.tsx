"use client";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { ZCashMovementOp, type TPosOp } from "@/lib/schemas/pos-wire";
import { newId, parseAmount } from "@/pos/cart";
import { formatMoney } from "@/lib/format";

/** Manual cash in/out with a reason: queued like a sale, so it works offline too. */
export function CashMovementDialog({
  open,
  onOpenChange,
  cashSessionId,
  queueOp,
}: {
  open: boolean;
  onOpenChange: (o: boolean) => void;
  cashSessionId: string;
  queueOp: (op: TPosOp) => Promise<void>;
}) {
  const [type, setType] = useState<"MANUAL_IN" | "MANUAL_OUT">("MANUAL_OUT");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const parsed = parseAmount(amount);

  async function save() {
    const op = ZCashMovementOp.safeParse({ kind: "CASH_MOVEMENT", id: newId(), cashSessionId, type, amount: parsed ?? "", reason, at: new Date().toISOString() });
    if (!op.success) return setError(op.error.issues.map((i) => (i.path[0] === "amount" ? "Importe inválido (ej.: 1.500,00)" : i.message)).join(" · "));
    try {
      await queueOp(op.data);
      setDone(`${type === "MANUAL_IN" ? "Ingreso" : "Retiro"} de ${formatMoney(op.data.amount)} registrado.`);
      setAmount("");
      setReason("");
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        onOpenChange(o);
        setDone(null);
        setError(null);
      }}
      title="Movimiento de caja"
      description="Ingreso o retiro de efectivo con su motivo. Funciona también sin conexión."
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Field label="Tipo">
          <Select value={type} onChange={(e) => setType(e.target.value as typeof type)}>
            <option value="MANUAL_OUT">Retiro</option>
            <option value="MANUAL_IN">Ingreso</option>
          </Select>
        </Field>
        <Field label="Importe" error={amount && !parsed ? "Importe inválido (ej.: 1.500,00)" : undefined}>
          <Input autoFocus inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field label="Motivo">
          <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
        </Field>
        {error ? <Alert>{error}</Alert> : null}
        {done ? <Alert kind="success">{done}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" className="min-h-11" onClick={() => onOpenChange(false)}>
            Cerrar
          </Button>
          <Button type="submit" className="min-h-11">
            Registrar
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
