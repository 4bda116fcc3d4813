"use client";
import { useState } from "react";
import { trpc, type RouterOutputs } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page";
import { td, th } from "./common";
import { TableFrame } from "@/components/ui/table-frame";

type Chart = RouterOutputs["accounting"]["chart"];
type Account = Chart["accounts"][number];
const TYPE_LABELS: Record<Account["type"], string> = { ASSET: "Activo", LIABILITY: "Pasivo", EQUITY: "Patrimonio", REVENUE: "Ingreso", EXPENSE: "Egreso" };

/** The chart of accounts (editable) and which account each of Mostrador's events goes to. */
export function ChartPage({ canWrite }: { canWrite: boolean }) {
  const chart = trpc.accounting.chart.useQuery();
  const [editing, setEditing] = useState<Partial<Account> | null>(null);
  const utils = trpc.useUtils();
  const saveMapping = trpc.accounting.saveMapping.useMutation({ onSuccess: () => utils.accounting.chart.invalidate() });
  if (chart.isLoading) return <div role="status" className="h-64 animate-pulse rounded bg-slate-100" aria-label="Cargando el plan de cuentas" />;
  if (chart.error) return <Alert>{chart.error.message}</Alert>;
  const data = chart.data!;
  const active = data.accounts.filter((a) => a.active);
  // Options name the account; the code is added only where two share a name (the code of the
  // chosen one shows by the row's label), so the select's text fits on a phone.
  const byName = Map.groupBy(active, (a) => a.name);
  const optionText = (a: Account) => ((byName.get(a.name)?.length ?? 0) > 1 ? `${a.name} (${a.code})` : a.name);
  const codeOf = new Map(data.accounts.map((a) => [a.id, a.code]));
  return (
    <div className="space-y-6">
      <PageHeader
        title="Plan de cuentas"
        description="Un plan argentino básico para empezar: cambiá códigos y nombres como los usa tu contador, y elegí a qué cuenta va cada movimiento."
        actions={canWrite ? <Button onClick={() => setEditing({ type: "EXPENSE", active: true })}>Nueva cuenta</Button> : null}
      />
      <Card title="Cuentas">
        <TableFrame>
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50">
              <tr><th className={th} scope="col">Código</th><th className={th} scope="col">Nombre</th><th className={th} scope="col">Tipo</th><th className={th} scope="col"><span className="sr-only">Acciones</span></th></tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {data.accounts.map((a) => (
                <tr key={a.id} className={a.active ? "" : "text-slate-500"}>
                  <td className={td}>{a.code}</td>
                  <td className={td}>{a.name}{a.active ? "" : " (desactivada)"}</td>
                  <td className={td}>{TYPE_LABELS[a.type]}</td>
                  <td className={`${td} text-right`}>{canWrite ? <Button variant="ghost" onClick={() => setEditing(a)} aria-label={`Editar ${a.name}`}>Editar</Button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableFrame>
      </Card>
      <Card title="A qué cuenta va cada movimiento">
        {saveMapping.error ? <div className="mb-3"><Alert>{saveMapping.error.message}</Alert></div> : null}
        <ul className="divide-y divide-slate-100">
          {data.mappings.map((m) => (
            <li key={`${m.key}:${m.scope}`} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <label htmlFor={`map-${m.key}-${m.scope}`} className="text-sm text-slate-800">
                {m.label}
                {m.scope ? <span className="text-slate-500"> ({m.scope})</span> : null}
                {codeOf.get(m.accountId) ? <span className="text-slate-600"> → cuenta {codeOf.get(m.accountId)}</span> : null}
              </label>
              <Select
                id={`map-${m.key}-${m.scope}`}
                // As wide as its longest account name (never cut); on a phone, a full row in a slightly smaller type.
                className="sm:w-auto sm:max-w-md max-sm:px-2 max-sm:text-[13px]"
                disabled={!canWrite || saveMapping.isPending}
                value={m.accountId}
                onChange={(e) => saveMapping.mutate({ key: m.key as never, scope: m.scope, accountId: e.target.value })}
              >
                {active.map((a) => (
                  <option key={a.id} value={a.id}>{optionText(a)}</option>
                ))}
              </Select>
            </li>
          ))}
        </ul>
      </Card>
      {editing ? <AccountDialog account={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

function AccountDialog({ account, onClose }: { account: Partial<Account>; onClose: () => void }) {
  const [form, setForm] = useState({ code: account.code ?? "", name: account.name ?? "", type: account.type ?? "EXPENSE", active: account.active ?? true });
  const utils = trpc.useUtils();
  const save = trpc.accounting.saveAccount.useMutation({
    onSuccess: () => {
      void utils.accounting.chart.invalidate();
      onClose();
    },
  });
  const fieldErrors = (save.error?.data as { zodError?: { fieldErrors?: Record<string, string[]> } } | undefined)?.zodError?.fieldErrors ?? {};
  return (
    <Dialog open onOpenChange={(o) => (o ? null : onClose())} title={account.id ? "Editar cuenta" : "Nueva cuenta"}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ id: account.id ?? null, ...form });
        }}
      >
        <Field label="Código" error={fieldErrors.code}>
          <Input required maxLength={20} value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} />
        </Field>
        <Field label="Nombre" error={fieldErrors.name}>
          <Input required maxLength={120} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label="Tipo">
          <Select value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value as Account["type"] })}>
            {Object.entries(TYPE_LABELS).map(([k, v]) => (
              <option key={k} value={k}>{v}</option>
            ))}
          </Select>
        </Field>
        {account.id ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} /> Cuenta activa
          </label>
        ) : null}
        {save.error && !Object.keys(fieldErrors).length ? <Alert>{save.error.message}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>Cancelar</Button>
          <Button type="submit" busy={save.isPending}>Guardar</Button>
        </div>
      </form>
    </Dialog>
  );
}
