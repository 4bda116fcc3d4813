"use client";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { FormDialog } from "@/components/ui/form-dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { NumberInput } from "@/components/ui/number-input";
import { readMoney, readQty } from "./common";

// The folio page's dialogs that change its charges: a manual charge, and voiding or moving
// one (both need a supervisor's credentials, checked on the server).

export function AddChargeDialog({ folioId, stayNights, onClose }: { folioId: string; stayNights: number; onClose: () => void }) {
  const utils = trpc.useUtils();
  // Room nights are the usual manual charge: the stay's nights are the starting quantity.
  const [form, setForm] = useState({ description: "Noche de habitación", quantity: String(stayNights), unitPrice: "", ivaRate: "21" as "0" | "10.5" | "21" | "27" });
  const [local, setLocal] = useState<string | null>(null);
  const add = trpc.billing.addFolioCharge.useMutation({
    onSuccess: () => {
      void utils.billing.folio.invalidate({ id: folioId });
      onClose();
    },
  });
  const errs = fieldErrors(add.error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <FormDialog
      title="Agregar cargo al folio"
      onClose={onClose}
      submitLabel="Agregar"
      busy={add.isPending}
      onSubmit={() => {
        const q = readQty(form.quantity);
        const p = readMoney(form.unitPrice, "Precio");
        if (!q.ok) return setLocal(q.message);
        if (!p.ok) return setLocal(p.message);
        setLocal(null);
        add.mutate({ folioId, lines: [{ description: form.description, quantity: q.value, unitPrice: p.value, ivaRate: form.ivaRate }] });
      }}
    >
      <Field label="Concepto" error={errs["lines.0.description"]}>
        <Input value={form.description} onChange={set("description")} maxLength={200} autoFocus />
      </Field>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label="Cantidad" hint={stayNights > 1 ? `La estadía tiene ${stayNights} noches` : undefined}>
          <NumberInput kind="quantity" label="Cantidad" value={form.quantity} onValueChange={(quantity) => setForm((f) => ({ ...f, quantity }))} />
        </Field>
        <Field label="Precio unitario (IVA incl.)">
          <NumberInput kind="money" label="Precio" value={form.unitPrice} onValueChange={(unitPrice) => setForm((f) => ({ ...f, unitPrice }))} placeholder="45.000" />
        </Field>
        <Field label="IVA">
          <Select value={form.ivaRate} onChange={set("ivaRate")}>
            <option value="21">21 %</option>
            <option value="10.5">10,5 %</option>
            <option value="27">27 %</option>
            <option value="0">0 %</option>
          </Select>
        </Field>
      </div>
      {local ? <Alert>{local}</Alert> : null}
      {add.error ? <Alert>{errorMessage(add.error)}</Alert> : null}
    </FormDialog>
  );
}

export function ChangeChargeDialog({ folioId, chargeId, kind, onClose }: { folioId: string; chargeId: string; kind: "void" | "transfer"; onClose: () => void }) {
  const utils = trpc.useUtils();
  const folios = trpc.billing.folios.useQuery({ status: "OPEN" }, { enabled: kind === "transfer" });
  const [form, setForm] = useState({ reason: "", toFolioId: "", supervisorEmail: "", supervisorPassword: "" });
  const done = () => {
    void utils.billing.folio.invalidate();
    onClose();
  };
  const voidM = trpc.billing.voidFolioCharge.useMutation({ onSuccess: done });
  const moveM = trpc.billing.transferFolioCharge.useMutation({ onSuccess: done });
  const m = kind === "void" ? voidM : moveM;
  const errs = fieldErrors(m.error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <FormDialog
      title={kind === "void" ? "Anular cargo" : "Mover cargo a otra habitación"}
      description="Necesita la autorización de un supervisor."
      onClose={onClose}
      submitLabel={kind === "void" ? "Anular" : "Mover"}
      busy={m.isPending}
      onSubmit={() => {
        if (kind === "void") voidM.mutate({ chargeId, reason: form.reason, supervisorEmail: form.supervisorEmail, supervisorPassword: form.supervisorPassword });
        else moveM.mutate({ chargeId, toFolioId: form.toFolioId, supervisorEmail: form.supervisorEmail, supervisorPassword: form.supervisorPassword });
      }}
    >
      {kind === "void" ? (
        <Field label="Motivo" error={errs.reason}>
          <Input value={form.reason} onChange={set("reason")} maxLength={300} autoFocus />
        </Field>
      ) : (
        <Field label="Folio de destino" error={errs.toFolioId}>
          <Select value={form.toFolioId} onChange={set("toFolioId")}>
            <option value="">Elegí la habitación</option>
            {(folios.data ?? []).filter((f) => f.id !== folioId).map((f) => (
              <option key={f.id} value={f.id}>
                Hab. {f.roomNumber} · {f.guestName}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="E-mail del supervisor" error={errs.supervisorEmail}>
          <Input value={form.supervisorEmail} onChange={set("supervisorEmail")} type="email" autoComplete="off" />
        </Field>
        <Field label="Contraseña del supervisor" error={errs.supervisorPassword}>
          <Input value={form.supervisorPassword} onChange={set("supervisorPassword")} type="password" autoComplete="off" />
        </Field>
      </div>
      {m.error && !Object.keys(errs).length ? <Alert>{errorMessage(m.error)}</Alert> : null}
    </FormDialog>
  );
}
