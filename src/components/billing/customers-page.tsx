"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors, type RouterOutputs } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { formatMoney, toInputText } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { readInteger } from "@/lib/number-field";
import { formatCuit, isValidCuit } from "@/lib/cuit";
import { DOC_TYPES, IVA_CONDITIONS, IVA_CONDITION_LABELS } from "@/lib/schemas/billing";
import { BillingTabs, Skeleton, Table, main, num, readMoney, td, th, useCan, wide } from "./common";

type Customer = RouterOutputs["customers"]["list"][number];
const DOC_LABEL = { CUIT: "CUIT", CUIL: "CUIL", DNI: "DNI", PASSPORT: "Pasaporte" } as const;

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function CustomersPage({ slug }: { slug: string }) {
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<Customer | "new" | null>(null);
  const [toggling, setToggling] = useState<Customer | null>(null);
  const canWrite = useCan("billing.write");
  const utils = trpc.useUtils();
  const q = trpc.customers.list.useQuery({ search: search || undefined, includeInactive: true });
  const setActive = trpc.customers.setActive.useMutation({ onSuccess: () => utils.customers.list.invalidate(), onSettled: () => setToggling(null) });
  return (
    <div>
      <BillingTabs slug={slug} />
      <PageHeader
        title="Clientes"
        description="Datos fiscales para Factura A y cuentas corrientes: límite de crédito y plazo de pago."
        actions={canWrite ? <Button onClick={() => setEditing("new")}>Nuevo cliente</Button> : null}
      />
      <div className="mb-3 max-w-sm">
        <Input placeholder="Buscar por nombre, CUIT o DNI" value={search} onChange={(e) => setSearch(e.target.value)} aria-label="Buscar cliente" />
      </div>
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {setActive.error ? <Alert>{errorMessage(setActive.error)}</Alert> : null}
      {q.isLoading ? <Skeleton /> : null}
      {q.data && q.data.length === 0 && !search ? (
        <EmptyState title="Todavía no cargaste clientes" action={canWrite ? <Button onClick={() => setEditing("new")}>Cargar el primero</Button> : null}>
          Cargá las empresas y huéspedes que compran a cuenta o piden Factura A.
        </EmptyState>
      ) : q.data ? (
        <Table
          head={
            <tr>
              <th className={th}>Cliente</th>
              <th className={`${th} ${wide}`}>Documento</th>
              <th className={`${th} ${wide}`}>Condición IVA</th>
              <th className={`${th} ${wide}`}>Cuenta</th>
              <th className={`${th} text-right`}>Saldo</th>
              <th className={`${th} ${wide} text-right`}>Sin facturar</th>
              <th className={th} />
            </tr>
          }
          empty={q.data.length === 0 ? "No hay clientes que coincidan." : undefined}
        >
          {q.data.map((c) => (
            <tr key={c.id} className={c.active ? "" : "opacity-60"}>
              <td className={`${td} ${main}`}>
                <Link className="font-medium text-teal-800 hover:underline" href={`/${slug}/facturacion/cuentas/${c.id}`}>
                  {c.name}
                </Link>
                {c.active ? null : <span className="ml-2 text-xs text-slate-500">(inactivo)</span>}
                <span className="block text-xs text-slate-600 sm:hidden">
                  {DOC_LABEL[c.docType]} {c.docType === "CUIT" || c.docType === "CUIL" ? formatCuit(c.docNumber) : c.docNumber}
                </span>
              </td>
              <td className={`${td} ${wide}`}>
                {DOC_LABEL[c.docType]} {c.docType === "CUIT" || c.docType === "CUIL" ? formatCuit(c.docNumber) : c.docNumber}
              </td>
              <td className={`${td} ${wide}`}>{IVA_CONDITION_LABELS[c.ivaCondition]}</td>
              <td className={`${td} ${wide}`}>{c.accountEnabled ? `Límite ${formatMoney(c.creditLimit)} · ${c.paymentTermsDays} días` : "—"}</td>
              <td className={num}>{formatMoney(c.balance)}</td>
              <td className={`${num} ${wide}`}>{formatMoney(c.uninvoiced)}</td>
              <td className={td}>
                {canWrite ? (
                  <div className="flex flex-col gap-1 sm:flex-row">
                    <Button variant="ghost" onClick={() => setEditing(c)} aria-label={`Editar ${c.name}`}>
                      Editar
                    </Button>
                    <Button variant="ghost" onClick={() => setToggling(c)}>
                      {c.active ? "Desactivar" : "Activar"}
                    </Button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      {editing ? <CustomerDialog customer={editing === "new" ? null : editing} onClose={() => setEditing(null)} /> : null}
      {toggling ? (
        <ConfirmDialog
          open
          onOpenChange={(o) => !o && setToggling(null)}
          title={toggling.active ? `¿Desactivar a ${toggling.name}?` : `¿Activar a ${toggling.name}?`}
          description={toggling.active ? "No se le podrá vender a cuenta; su historial y su saldo se conservan." : "Vuelve a aparecer en ventas y lotes."}
          confirmLabel={toggling.active ? "Desactivar" : "Activar"}
          busy={setActive.isPending}
          onConfirm={() => setActive.mutate({ id: toggling.id, active: !toggling.active })}
        />
      ) : null}
    </div>
  );
}

// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
function CustomerDialog({ customer, onClose }: { customer: Customer | null; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [form, setForm] = useState({
    docType: customer?.docType ?? ("CUIT" as (typeof DOC_TYPES)[number]),
    docNumber: customer ? (customer.docType === "CUIT" ? formatCuit(customer.docNumber) : customer.docNumber) : "",
    name: customer?.name ?? "",
    ivaCondition: customer?.ivaCondition ?? ("RESPONSABLE_INSCRIPTO" as (typeof IVA_CONDITIONS)[number]),
    address: customer?.address ?? "",
    email: customer?.email ?? "",
    accountEnabled: customer?.accountEnabled ?? false,
    creditLimit: customer ? toInputText(customer.creditLimit, 2) : "0",
    paymentTermsDays: String(customer?.paymentTermsDays ?? 30),
  });
  const [local, setLocal] = useState<Record<string, string>>({});
  const done = () => {
    void utils.customers.list.invalidate();
    onClose();
  };
  const create = trpc.customers.create.useMutation({ onSuccess: done });
  const update = trpc.customers.update.useMutation({ onSuccess: done });
  const m = customer ? update : create;
  const errs = { ...fieldErrors(m.error), ...Object.fromEntries(Object.entries(local).map(([k, v]) => [k, [v]])) };
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if ((form.docType === "CUIT" || form.docType === "CUIL") && !isValidCuit(form.docNumber)) problems.docNumber = `${form.docType} inválido: revisá el dígito verificador.`;
    const limit = readMoney(form.creditLimit || "0", "Límite de crédito");
    if (!limit.ok) problems.creditLimit = limit.message;
    const termsRead = readInteger(form.paymentTermsDays || "0", { label: "Plazo (días)", min: 0, max: 365 });
    if (!termsRead.ok) problems.paymentTermsDays = termsRead.message;
    const terms = termsRead.ok ? termsRead.value : 0;
    setLocal(problems);
    if (Object.keys(problems).length || !limit.ok) return;
    const data = { ...form, creditLimit: limit.value, paymentTermsDays: terms };
    if (customer) update.mutate({ id: customer.id, data });
    else create.mutate(data);
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={customer ? "Editar cliente" : "Nuevo cliente"}>
      <form onSubmit={submit} className="space-y-3" noValidate>
        <Field label="Nombre o razón social" error={errs.name}>
          <Input value={form.name} onChange={set("name")} required autoFocus invalid={!!errs.name} maxLength={200} />
        </Field>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Tipo de documento" error={errs.docType}>
            <Select value={form.docType} onChange={set("docType")}>
              {DOC_TYPES.map((d) => (
                <option key={d} value={d}>
                  {DOC_LABEL[d]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Número de documento" error={errs.docNumber} hint={form.docType === "CUIT" ? "Con o sin guiones" : undefined}>
            <Input value={form.docNumber} onChange={set("docNumber")} inputMode="numeric" invalid={!!errs.docNumber} maxLength={20} />
          </Field>
        </div>
        <Field label="Condición frente al IVA" error={errs.ivaCondition}>
          <Select value={form.ivaCondition} onChange={set("ivaCondition")}>
            {IVA_CONDITIONS.map((c) => (
              <option key={c} value={c}>
                {IVA_CONDITION_LABELS[c]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Domicilio" error={errs.address}>
          <Input value={form.address} onChange={set("address")} maxLength={300} />
        </Field>
        <Field label="E-mail" error={errs.email}>
          <Input value={form.email} onChange={set("email")} type="email" maxLength={254} invalid={!!errs.email} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.accountEnabled} onChange={(e) => setForm((f) => ({ ...f, accountEnabled: e.target.checked }))} /> Cuenta corriente habilitada
        </label>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <Field label="Límite de crédito ($)" error={errs.creditLimit} hint="Ej.: 500.000">
            <NumberInput kind="money" label="Límite de crédito" value={form.creditLimit} onValueChange={(creditLimit) => setForm((f) => ({ ...f, creditLimit }))} invalid={!!errs.creditLimit} />
          </Field>
          <Field label="Plazo de pago (días)" error={errs.paymentTermsDays}>
            <NumberInput kind="integer" label="Plazo" value={form.paymentTermsDays} onValueChange={(paymentTermsDays) => setForm((f) => ({ ...f, paymentTermsDays }))} invalid={!!errs.paymentTermsDays} />
          </Field>
        </div>
        {m.error && !Object.keys(fieldErrors(m.error)).length ? <Alert>{errorMessage(m.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancelar
          </Button>
          <Button type="submit" busy={m.isPending}>
            Guardar
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
