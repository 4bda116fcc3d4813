"use client";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import type { TSaleCharge } from "@/lib/schemas/sale";
import { formatMoney } from "@/lib/number";

/**
 * The two ways to charge instead of pay at the terminal: "cuenta corriente" of a customer with
 * an account, or "cargo a habitación" on an open folio. The server checks the credit limit
 * and the folio when the sale arrives; nothing is invoiced now. Over the limit a supervisor
 * authorises here, online: the sale then carries their signed grant, never their password
 * (every sale is written to the terminal's offline queue first).
 */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function ChargeOptions({ busy, total, onCharge }: { busy: boolean; total?: string; onCharge: (charge: TSaleCharge) => void }) {
  const [kind, setKind] = useState<"ACCOUNT" | "ROOM" | null>(null);
  const [target, setTarget] = useState("");
  const [asking, setAsking] = useState(false);
  const [creds, setCreds] = useState({ email: "", password: "" });
  const authorize = trpc.billing.authorizeCreditOverride.useMutation({ onSuccess: () => setCreds({ email: "", password: "" }) });
  const grant = authorize.data && authorize.variables?.customerId === target ? authorize.data : null;
  const ask = () => {
    if (total && creds.email && creds.password) authorize.mutate({ customerId: target, amount: total, supervisorEmail: creds.email, supervisorPassword: creds.password });
  };
  // Enter in the supervisor's fields asks for the authorisation, never confirms the sale.
  const enterAuthorizes = (e: React.KeyboardEvent) => {
    if (e.key !== "Enter") return;
    e.preventDefault();
    e.stopPropagation();
    ask();
  };
  const reset = () => {
    setTarget("");
    setAsking(false);
    authorize.reset();
  };
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
        <Button type="button" variant={kind === "ACCOUNT" ? "primary" : "secondary"} className="min-h-11" onClick={() => (setKind("ACCOUNT"), reset())}>
          Cuenta corriente
        </Button>
        <Button type="button" variant={kind === "ROOM" ? "primary" : "secondary"} className="min-h-11" onClick={() => (setKind("ROOM"), reset())}>
          Cargo a habitación
        </Button>
      </div>
      {kind ? (
        // The select takes the whole row (a customer's name and balance is long); the button goes under it.
        <div className="flex flex-wrap items-center justify-end gap-2">
          <select
            aria-label={kind === "ACCOUNT" ? "Cliente con cuenta corriente" : "Habitación"}
            className="min-h-11 min-w-0 flex-[1_1_100%] rounded-md border border-slate-300 px-2 py-2 text-sm"
            value={target}
            onChange={(e) => (setTarget(e.target.value), authorize.reset())}
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
            onClick={() => onCharge(kind === "ACCOUNT" ? { kind, customerId: target, ...(grant ? { override: { grant: grant.grant } } : {}) } : { kind, folioId: target })}
          >
            {kind === "ACCOUNT" ? "Cargar a la cuenta" : "Cargar a la habitación"}
          </Button>
        </div>
      ) : null}
      {kind === "ACCOUNT" && target && total ? (
        <div className="space-y-2 text-sm">
          {grant ? (
            <p className="text-emerald-800" role="status">
              Autorizado por {grant.supervisorName || "un supervisor"} hasta {formatMoney(grant.amount)}.
            </p>
          ) : (
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" className="size-5" checked={asking} onChange={(e) => setAsking(e.target.checked)} />
              Supera el límite de crédito: autoriza un supervisor
            </label>
          )}
          {asking && !grant ? (
            // Not a <form>: this sits inside the payment form, whose Enter confirms the sale.
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-[1fr_1fr_auto]">
              <input
                aria-label="E-mail del supervisor"
                placeholder="E-mail del supervisor"
                type="email"
                autoComplete="off"
                maxLength={254}
                className="min-h-11 rounded-md border border-slate-300 px-2 py-2"
                value={creds.email}
                onChange={(e) => setCreds({ ...creds, email: e.target.value })}
                onKeyDown={enterAuthorizes}
              />
              <input
                aria-label="Contraseña del supervisor"
                placeholder="Contraseña del supervisor"
                type="password"
                autoComplete="off"
                maxLength={200}
                className="min-h-11 rounded-md border border-slate-300 px-2 py-2"
                value={creds.password}
                onChange={(e) => setCreds({ ...creds, password: e.target.value })}
                onKeyDown={enterAuthorizes}
              />
              <Button type="button" variant="secondary" className="min-h-11" busy={authorize.isPending} disabled={!creds.email || !creds.password} onClick={ask}>
                Autorizar {formatMoney(total)}
              </Button>
            </div>
          ) : null}
          {authorize.error ? <Alert>{errorMessage(authorize.error)}</Alert> : null}
        </div>
      ) : null}
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
    </div>
  );
}
