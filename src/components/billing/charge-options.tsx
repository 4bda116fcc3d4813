"use client";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import type { TSaleCharge } from "@/lib/schemas/sale";

/**
 * The two ways to charge instead of pay at the terminal: "cuenta corriente" of a customer with
 * an account, or "cargo a habitación" on an open folio. The server checks the credit limit
 * and the folio when the sale arrives; nothing is invoiced now.
 */
export function ChargeOptions({ busy, onCharge }: { busy: boolean; onCharge: (charge: TSaleCharge) => void }) {
  const [kind, setKind] = useState<"ACCOUNT" | "ROOM" | null>(null);
  const [target, setTarget] = useState("");
  const customers = trpc.customers.forCharge.useQuery({}, { enabled: kind === "ACCOUNT", retry: false });
  const folios = trpc.billing.openFolios.useQuery(undefined, { enabled: kind === "ROOM", retry: false });
  const q = kind === "ACCOUNT" ? customers : folios;
  const options =
    kind === "ACCOUNT"
      ? (customers.data ?? []).map((c) => ({ id: c.id, label: `${c.name} · ${c.docNumber}` }))
      : (folios.data ?? []).map((f) => ({ id: f.id, label: `Hab. ${f.roomNumber} · ${f.guestName}` }));
  return (
    <div className="space-y-2 rounded-md border border-slate-200 p-3">
      <div className="flex flex-wrap gap-2 text-sm">
        <Button type="button" variant={kind === "ACCOUNT" ? "primary" : "secondary"} className="min-h-11" onClick={() => (setKind("ACCOUNT"), setTarget(""))}>
          Cuenta corriente
        </Button>
        <Button type="button" variant={kind === "ROOM" ? "primary" : "secondary"} className="min-h-11" onClick={() => (setKind("ROOM"), setTarget(""))}>
          Cargo a habitación
        </Button>
      </div>
      {kind ? (
        <div className="flex flex-wrap items-center gap-2">
          <select
            aria-label={kind === "ACCOUNT" ? "Cliente con cuenta corriente" : "Habitación"}
            className="min-h-11 min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-2 text-sm"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">{q.isLoading ? "Cargando…" : options.length ? "Elegí…" : kind === "ACCOUNT" ? "No hay clientes con cuenta" : "No hay folios abiertos"}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
          <Button
            type="button"
            className="min-h-11"
            busy={busy}
            disabled={!target}
            onClick={() => onCharge(kind === "ACCOUNT" ? { kind, customerId: target } : { kind, folioId: target })}
          >
            {kind === "ACCOUNT" ? "Cargar a la cuenta" : "Cargar a la habitación"}
          </Button>
        </div>
      ) : null}
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
    </div>
  );
}
