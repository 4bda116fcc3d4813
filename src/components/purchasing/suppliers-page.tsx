"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors, type RouterOutputs } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { formatMoney } from "@/lib/format";
import { formatCuit } from "@/lib/cuit";
import { Table, num, td, th } from "./common";
import { useCan } from "@/components/auth/permissions";

type Supplier = RouterOutputs["purchasing"]["suppliers"][number];

export function SuppliersPage({ slug }: { slug: string }) {
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<Supplier | "new" | null>(null);
  const canWrite = useCan()("purchasing.write");
  const q = trpc.purchasing.suppliers.useQuery({ search: search || undefined, includeInactive: true });
  return (
    <div>
      <PageHeader
        title="Proveedores"
        description="CUIT, contacto y plazo de pago (define el vencimiento de cada cuenta a pagar)."
        actions={canWrite ? <Button onClick={() => setEditing("new")}>Nuevo proveedor</Button> : null}
      />
      <div className="mb-3 max-w-sm">
        <Input placeholder="Buscar por nombre o CUIT" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Buscar proveedor" />
      </div>
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.data && q.data.length === 0 && !search ? (
        <EmptyState title="Todavía no cargaste proveedores" action={canWrite ? <Button onClick={() => setEditing("new")}>Cargar el primero</Button> : null}>
          Cargalos para hacer órdenes de compra, recibir mercadería y controlar lo que les debés.
        </EmptyState>
      ) : (
        <Table
          head={
            <tr>
              <th className={th}>Proveedor</th>
              <th className={th}>CUIT</th>
              <th className={th}>Contacto</th>
              <th className={th}>Plazo</th>
              <th className={`${th} text-right`}>Saldo</th>
              <th className={th} />
            </tr>
          }
          empty={q.data?.length === 0 ? "No hay proveedores que coincidan." : undefined}
        >
          {(q.data ?? []).map((s) => (
            <tr key={s.id} className={s.active ? "" : "opacity-60"}>
              <td className={td}>
                <Link className="font-medium text-teal-800 hover:underline" href={`/${slug}/compras/proveedores/${s.id}`}>
                  {s.name}
                </Link>
                {s.active ? null : <span className="ml-2 text-xs text-slate-500">(inactivo)</span>}
              </td>
              <td className={td}>{formatCuit(s.cuit)}</td>
              <td className={td}>{[s.contactName, s.phone, s.email].filter(Boolean).join(" · ") || "—"}</td>
              <td className={td}>{s.paymentTermsDays === 0 ? "Contado" : `${s.paymentTermsDays} días`}</td>
              <td className={num}>{formatMoney(s.balance)}</td>
              <td className={td}>
                {canWrite ? (
                  <Button variant="ghost" onClick={() => setEditing(s)}>
                    Editar
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {editing ? <SupplierDialog supplier={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
function SupplierDialog({ supplier, onClose }: { supplier: Supplier | null; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [form, setForm] = useState({
    name: supplier?.name ?? "",
    cuit: supplier ? formatCuit(supplier.cuit) : "",
    contactName: supplier?.contactName ?? "",
    email: supplier?.email ?? "",
    phone: supplier?.phone ?? "",
    address: supplier?.address ?? "",
    paymentTermsDays: String(supplier?.paymentTermsDays ?? 30),
    notes: supplier?.notes ?? "",
    active: supplier?.active ?? true,
  });
  const done = () => {
    void utils.purchasing.suppliers.invalidate();
    onClose();
  };
  const create = trpc.purchasing.createSupplier.useMutation({ onSuccess: done });
  const update = trpc.purchasing.updateSupplier.useMutation({ onSuccess: done });
  const m = supplier ? update : create;
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = trpc.purchasing.deleteSupplier.useMutation({ onSuccess: done, onSettled: () => setConfirmDelete(false) });
  const errs = fieldErrors(m.error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const data = { ...form, paymentTermsDays: Number(form.paymentTermsDays || 0) };
    if (supplier) update.mutate({ id: supplier.id, data });
    else create.mutate(data);
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={supplier ? "Editar proveedor" : "Nuevo proveedor"}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <Field label="Razón social" error={errs.name}>
          <Input value={form.name} onChange={set("name")} required autoFocus invalid={!!errs.name} />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="CUIT" error={errs.cuit} hint="Con o sin guiones">
            <Input value={form.cuit} onChange={set("cuit")} inputMode="numeric" placeholder="30-12345678-9" invalid={!!errs.cuit} />
          </Field>
          <Field label="Plazo de pago (días)" error={errs.paymentTermsDays} hint="0 = contado">
            <Input value={form.paymentTermsDays} onChange={set("paymentTermsDays")} inputMode="numeric" invalid={!!errs.paymentTermsDays} />
          </Field>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Contacto" error={errs.contactName}>
            <Input value={form.contactName} onChange={set("contactName")} />
          </Field>
          <Field label="Teléfono" error={errs.phone}>
            <Input value={form.phone} onChange={set("phone")} />
          </Field>
        </div>
        <Field label="E-mail" error={errs.email}>
          <Input value={form.email} onChange={set("email")} type="email" invalid={!!errs.email} />
        </Field>
        <Field label="Dirección" error={errs.address}>
          <Input value={form.address} onChange={set("address")} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.active} onChange={(e) => setForm((f) => ({ ...f, active: e.target.checked }))} /> Activo
        </label>
        {m.error && !Object.keys(errs).length ? <Alert>{errorMessage(m.error)}</Alert> : null}
        {remove.error ? <Alert>{errorMessage(remove.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          {supplier ? (
            <Button type="button" variant="ghost" className="mr-auto text-red-700" onClick={() => setConfirmDelete(true)}>
              Eliminar
            </Button>
          ) : null}
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancelar
          </Button>
          <Button type="submit" busy={m.isPending}>
            Guardar
          </Button>
        </div>
      </form>
      {supplier ? (
        <ConfirmDialog
          open={confirmDelete}
          onOpenChange={setConfirmDelete}
          title={`¿Eliminar a ${supplier.name}?`}
          description="Solo se puede si no tiene órdenes ni cuentas. Si tiene historial, desactivalo."
          confirmLabel="Eliminar"
          busy={remove.isPending}
          onConfirm={() => remove.mutate({ id: supplier.id })}
        />
      ) : null}
    </Dialog>
  );
}
