"use client";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";

export type PosCustomer = { id: string; name: string; doc: string };

const IVA = [
  ["CONSUMIDOR_FINAL", "Consumidor final"],
  ["RESPONSABLE_INSCRIPTO", "Responsable inscripto"],
  ["MONOTRIBUTO", "Monotributo"],
  ["EXENTO", "Exento"],
  ["NO_CATEGORIZADO", "No categorizado"],
] as const;

/** Pick (or add) the customer of the sale: needed for Factura A and accounts. */
export function CustomerDialog({ open, onOpenChange, onPick }: { open: boolean; onOpenChange: (o: boolean) => void; onPick: (c: PosCustomer) => void }) {
  const [q, setQ] = useState("");
  const [index, setIndex] = useState(0);
  const [adding, setAdding] = useState(false);
  const [form, setForm] = useState({ docType: "CUIT" as "CUIT" | "CUIL" | "DNI" | "PASSPORT", docNumber: "", name: "", ivaCondition: "RESPONSABLE_INSCRIPTO" as (typeof IVA)[number][0], address: "" });
  const results = trpc.pos.customers.useQuery({ q }, { enabled: open && q.trim().length >= 2 });
  const create = trpc.pos.createCustomer.useMutation({
    onSuccess: (c) => {
      onPick({ id: c.id, name: c.name, doc: `${c.docType} ${c.docNumber}` });
      setAdding(false);
      onOpenChange(false);
    },
  });
  const errs = fieldErrors(create.error);
  const list = results.data ?? [];
  const pick = (c: (typeof list)[number]) => {
    onPick({ id: c.id, name: c.name, doc: `${c.doc_type} ${c.doc_number}` });
    onOpenChange(false);
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Cliente de la venta" description="Buscá por nombre o número de documento.">
      {!adding ? (
        <div className="space-y-3">
          <Input
            autoFocus
            aria-label="Buscar cliente"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setIndex(0);
            }}
            onKeyDown={(e) => {
              if (e.key === "ArrowDown") setIndex((i) => Math.min(i + 1, list.length - 1));
              else if (e.key === "ArrowUp") setIndex((i) => Math.max(i - 1, 0));
              else if (e.key === "Enter" && list[index]) {
                e.preventDefault();
                pick(list[index]!);
              }
            }}
          />
          <ul role="listbox" aria-label="Clientes" className="divide-y divide-slate-100">
            {list.map((c, i) => (
              <li key={c.id} role="option" aria-selected={i === index} className={`cursor-pointer px-2 py-2 text-sm ${i === index ? "bg-teal-50" : ""}`} onClick={() => pick(c)}>
                {c.name} · {c.doc_type} {c.doc_number}
              </li>
            ))}
          </ul>
          {q.trim().length >= 2 && results.data && list.length === 0 ? <p className="text-sm text-slate-600">No hay clientes que coincidan.</p> : null}
          <Button variant="secondary" onClick={() => setAdding(true)}>
            Nuevo cliente
          </Button>
        </div>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({ ...form, address: form.address || undefined });
          }}
        >
          <div className="grid grid-cols-[8rem_1fr] gap-2">
            <Field label="Documento">
              <Select value={form.docType} onChange={(e) => setForm({ ...form, docType: e.target.value as typeof form.docType })}>
                <option value="CUIT">CUIT</option>
                <option value="CUIL">CUIL</option>
                <option value="DNI">DNI</option>
                <option value="PASSPORT">Pasaporte</option>
              </Select>
            </Field>
            <Field label="Número" error={errs.docNumber}>
              <Input autoFocus value={form.docNumber} onChange={(e) => setForm({ ...form, docNumber: e.target.value.replace(/[\s-]/g, "") })} />
            </Field>
          </div>
          <Field label="Nombre o razón social" error={errs.name}>
            <Input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
          </Field>
          <Field label="Condición frente al IVA">
            <Select value={form.ivaCondition} onChange={(e) => setForm({ ...form, ivaCondition: e.target.value as typeof form.ivaCondition })}>
              {IVA.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Domicilio (opcional)">
            <Input value={form.address} onChange={(e) => setForm({ ...form, address: e.target.value })} />
          </Field>
          {create.error && !Object.keys(errs).length ? <Alert>{errorMessage(create.error)}</Alert> : null}
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => setAdding(false)}>
              Volver
            </Button>
            <Button type="submit" busy={create.isPending}>
              Guardar y usar
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
