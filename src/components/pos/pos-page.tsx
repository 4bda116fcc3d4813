"use client";
import { useEffect, useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { PageHeader, EmptyState } from "@/components/ui/page";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { parseAmount } from "./cart";
import { PosTerminal } from "./pos-terminal";

const REGISTER_KEY = "mostrador.pos.register";

/** Picks a register, opens a session with a float, then hands over to the terminal. */
export function PosPage({ slug }: { slug: string }) {
  const registers = trpc.pos.registers.useQuery();
  const me = trpc.tenancy.current.useQuery();
  const [registerId, setRegisterId] = useState<string | null>(null);
  const [float, setFloat] = useState("");
  const utils = trpc.useUtils();
  const open = trpc.pos.openSession.useMutation({ onSuccess: () => utils.pos.registers.invalidate() });

  useEffect(() => {
    if (!registers.data || registerId) return;
    const saved = localStorage.getItem(`${REGISTER_KEY}.${slug}`);
    const pick = registers.data.find((r) => r.register_id === saved) ?? registers.data[0];
    if (pick) setRegisterId(pick.register_id);
  }, [registers.data, registerId, slug]);

  if (registers.isLoading || me.isLoading) return <p className="text-slate-600">Cargando cajas…</p>;
  if (registers.error) return <Alert>{errorMessage(registers.error)}</Alert>;
  if (!registers.data?.length) return <EmptyState title="No hay cajas activas">Pedile a un administrador que cree una caja.</EmptyState>;
  const reg = registers.data.find((r) => r.register_id === registerId) ?? registers.data[0]!;
  const userId = me.data?.user.id;
  const canReview = me.data?.permissions.includes("cash.review") ?? false;

  const chooser =
    registers.data.length > 1 ? (
      <div className="w-48">
      <Select
        aria-label="Caja"
        value={reg.register_id}
        onChange={(e) => {
          setRegisterId(e.target.value);
          localStorage.setItem(`${REGISTER_KEY}.${slug}`, e.target.value);
        }}
      >
        {registers.data.map((r) => (
          <option key={r.register_id} value={r.register_id}>
            {r.register_name}
            {r.cash_session_id ? " (abierta)" : ""}
          </option>
        ))}
      </Select>
      </div>
    ) : null;

  if (reg.cash_session_id && (reg.opened_by === userId || canReview)) {
    return (
      <PosTerminal
        slug={slug}
        registerId={reg.register_id}
        registerName={reg.register_name}
        cashSessionId={reg.cash_session_id}
        chooser={chooser}
        onSessionClosed={() => void utils.pos.registers.invalidate()}
      />
    );
  }

  return (
    <div className="mx-auto max-w-md">
      <PageHeader title="Punto de venta" description={reg.register_name} actions={chooser} />
      {reg.cash_session_id ? (
        <Alert kind="warning">
          {reg.register_name} está abierta por {reg.opened_by_name ?? "otra persona"} desde {reg.opened_at ? formatDateTime(reg.opened_at) : "—"}. Elegí
          otra caja o pedile que la cierre.
        </Alert>
      ) : (
        <form
          className="space-y-4 rounded-lg border border-slate-200 bg-white p-5"
          onSubmit={(e) => {
            e.preventDefault();
            const amount = float.trim() === "" ? "0.00" : parseAmount(float);
            if (amount) open.mutate({ registerId: reg.register_id, openingFloat: amount });
          }}
        >
          <h2 className="font-semibold">Abrir caja</h2>
          <Field label="Fondo inicial (efectivo en el cajón)" error={float && !parseAmount(float) ? "Importe inválido" : undefined}>
            <Input autoFocus inputMode="decimal" placeholder="0,00" value={float} onChange={(e) => setFloat(e.target.value)} />
          </Field>
          {open.error ? <Alert>{errorMessage(open.error)}</Alert> : null}
          <Button type="submit" busy={open.isPending} className="w-full">
            Abrir caja
          </Button>
        </form>
      )}
    </div>
  );
}
