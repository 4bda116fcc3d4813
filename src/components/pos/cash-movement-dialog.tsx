"use client";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { parseAmount } from "./cart";

/** Manual cash in/out (change fund, paying a delivery) with a mandatory reason. */
export function CashMovementDialog({ open, onOpenChange, cashSessionId }: { open: boolean; onOpenChange: (o: boolean) => void; cashSessionId: string }) {
  const [type, setType] = useState<"MANUAL_IN" | "MANUAL_OUT">("MANUAL_OUT");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const m = trpc.pos.cashMovement.useMutation({
    onSuccess: () => {
      setDone(type === "MANUAL_IN" ? "Ingreso registrado." : "Retiro registrado.");
      setAmount("");
      setReason("");
    },
  });
  const parsed = parseAmount(amount);
  const errs = fieldErrors(m.error);
  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        onOpenChange(o);
        setDone(null);
        m.reset();
      }}
      title="Movimiento de caja"
      description="Ingresos y retiros de efectivo fuera de una venta. Quedan registrados y no se pueden borrar."
    >
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (!parsed) return;
          setDone(null);
          m.mutate({ cashSessionId, type, amount: parsed, reason });
        }}
      >
        <Field label="Tipo">
          <Select value={type} onChange={(e) => setType(e.target.value as typeof type)} autoFocus>
            <option value="MANUAL_OUT">Retiro de efectivo</option>
            <option value="MANUAL_IN">Ingreso de efectivo</option>
          </Select>
        </Field>
        <Field label="Importe" error={amount && !parsed ? "Importe inválido" : errs.amount}>
          <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder="0,00" />
        </Field>
        <Field label="Motivo" error={errs.reason}>
          <Input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Ej.: pago a proveedor de hielo" />
        </Field>
        {m.error && !errs.reason && !errs.amount ? <Alert>{errorMessage(m.error)}</Alert> : null}
        {done ? <Alert kind="success">{done}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cerrar
          </Button>
          <Button type="submit" busy={m.isPending} disabled={!parsed}>
            Registrar
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
