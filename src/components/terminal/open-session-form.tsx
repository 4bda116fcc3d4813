"use client";
import { useState } from "react";
import { Alert, Field, Input } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { formatMoney } from "@/lib/format";
import { newId, parseAmount } from "@/pos/cart";
import type { TPosOp } from "@/lib/schemas/pos-wire";

/**
 * Opens the shift with the float. Queued like a sale (client UUID), so it works offline; the
 * server accepts it on sync, flagging it if the register was meanwhile opened elsewhere.
 */
export function OpenSessionForm({ registerId, online, queueOp }: { registerId: string; online: boolean; queueOp: (op: TPosOp) => Promise<void> }) {
  const [float, setFloat] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const amount = float.trim() === "" ? "0.00" : parseAmount(float);
  return (
    <form
      className="mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      onSubmit={(e) => {
        e.preventDefault();
        if (!amount) return setError("Importe inválido: escribilo como 10.000 o 10.000,50.");
        setBusy(true);
        queueOp({ kind: "OPEN_SESSION", id: newId(), registerId, openingFloat: amount, at: new Date().toISOString() })
          .catch((err) => setError(err instanceof Error ? err.message : String(err)))
          .finally(() => setBusy(false));
      }}
    >
      <h2 className="font-semibold">Abrir caja</h2>
      <Field label="Fondo inicial (efectivo en el cajón)" error={float && !amount ? "Importe inválido" : undefined} hint={amount ? `Se abre con ${formatMoney(amount)}` : undefined}>
        <Input autoFocus inputMode="decimal" placeholder="0,00" value={float} onChange={(e) => setFloat(e.target.value)} />
      </Field>
      {!online ? <Alert kind="info">Sin conexión: la caja se abre en este equipo y se informa al servidor al volver la conexión.</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" busy={busy} className="min-h-11 w-full">
        Abrir caja
      </Button>
    </form>
  );
}
