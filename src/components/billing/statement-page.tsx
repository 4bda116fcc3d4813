"use client";
import { FormDialog } from "@/components/ui/form-dialog";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page";
import { formatMoney } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { dec } from "@/lib/decimal";
import { formatCuit } from "@/lib/cuit";
import { COLLECTION_METHODS, COLLECTION_METHOD_LABELS } from "@/lib/schemas/billing";
import { Badge, BillingTabs, Skeleton, Table, day, main, num, readMoney, td, th, todayAr, useCan, wide } from "./common";

const AGEING = [
  ["CURRENT", "A vencer"],
  ["D1_30", "1–30 días"],
  ["D31_60", "31–60 días"],
  ["D61_90", "61–90 días"],
  ["D90_PLUS", "Más de 90"],
] as const;
const STATUS = { PAID: ["Pagada", "ok"], CURRENT: ["Al día", "info"], DUE_SOON: ["Vence pronto", "warn"], OVERDUE: ["Vencida", "bad"] } as const;

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function StatementPage({ slug, customerId }: { slug: string; customerId: string }) {
  const q = trpc.billing.statement.useQuery({ customerId });
  const canWrite = useCan("billing.write");
  const [collecting, setCollecting] = useState(false);
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  if (!q.data) return <Skeleton rows={6} />;
  const s = q.data;
  return (
    <div>
      <BillingTabs slug={slug} />
      <PageHeader
        title={`Cuenta corriente · ${s.customer.name}`}
        description={`${s.customer.docType} ${s.customer.docType === "CUIT" ? formatCuit(s.customer.docNumber) : s.customer.docNumber} · límite ${formatMoney(s.customer.creditLimit)} · ${s.customer.paymentTermsDays} días`}
        actions={canWrite && dec(s.balance).gt(0) ? <Button onClick={() => setCollecting(true)}>Registrar cobro</Button> : null}
      />
      <div className="mb-5 grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Card title="Saldo en facturas">
          <p className="text-xl font-semibold tabular-nums" data-testid="statement-balance">
            {formatMoney(s.balance)}
          </p>
        </Card>
        <Card title="Sin facturar">
          <p className="text-xl font-semibold tabular-nums">{formatMoney(s.uninvoiced)}</p>
        </Card>
        {AGEING.slice(0, 2).map(([k, label]) => (
          <Card key={k} title={label}>
            <p className="text-xl font-semibold tabular-nums">{formatMoney(s.ageing[k])}</p>
          </Card>
        ))}
      </div>
      <p className="mb-4 text-sm text-slate-600">
        Antigüedad: {AGEING.map(([k, label]) => `${label} ${formatMoney(s.ageing[k])}`).join(" · ")}
      </p>
      <h2 className="mb-2 text-base font-semibold">Movimientos</h2>
      <Table
        head={
          <tr>
            <th className={`${th} ${wide}`}>Fecha</th>
            <th className={th}>Concepto</th>
            <th className={`${th} ${wide} text-right`}>Debe</th>
            <th className={`${th} ${wide} text-right`}>Haber</th>
            <th className={`${th} text-right`}>Saldo</th>
          </tr>
        }
        empty={s.entries.length === 0 ? "Sin facturas ni cobros todavía. Los cargos a cuenta se facturan con un lote." : undefined}
      >
        {s.entries.map((e) => (
          <tr key={`${e.kind}-${e.id}`}>
            <td className={`${td} ${wide}`}>{day(e.date)}</td>
            <td className={`${td} ${main}`}>
              {e.label}
              <span className="block text-xs text-slate-500 sm:hidden">
                {day(e.date)} · {e.debit === "0.00" ? `cobro ${formatMoney(e.credit)}` : formatMoney(e.debit)}
              </span>
            </td>
            <td className={`${num} ${wide}`}>{e.debit === "0.00" ? "" : formatMoney(e.debit)}</td>
            <td className={`${num} ${wide}`}>{e.credit === "0.00" ? "" : formatMoney(e.credit)}</td>
            <td className={num}>{formatMoney(e.balance)}</td>
          </tr>
        ))}
      </Table>
      {s.invoices.length ? (
        <>
          <h2 className="mb-2 mt-6 text-base font-semibold">Facturas</h2>
          <Table
            head={
              <tr>
                <th className={th}>Factura</th>
                <th className={`${th} ${wide}`}>Vence</th>
                <th className={`${th} ${wide}`}>Estado</th>
                <th className={`${th} ${wide} text-right`}>Total</th>
                <th className={`${th} text-right`}>Pendiente</th>
              </tr>
            }
          >
            {s.invoices.map((i) => (
              <tr key={i.id}>
                <td className={`${td} ${main}`}>
                  {i.label}
                  <span className="block text-xs text-slate-500 sm:hidden">
                    Vence {day(i.dueDate)} · {STATUS[i.status][0]}
                  </span>
                </td>
                <td className={`${td} ${wide}`}>{day(i.dueDate)}</td>
                <td className={`${td} ${wide}`}>
                  <Badge tone={STATUS[i.status][1]}>{STATUS[i.status][0]}</Badge>
                </td>
                <td className={`${num} ${wide}`}>{formatMoney(i.total)}</td>
                <td className={num}>{formatMoney(i.open)}</td>
              </tr>
            ))}
          </Table>
        </>
      ) : null}
      {collecting ? <CollectionDialog customerId={customerId} balance={s.balance} onClose={() => setCollecting(false)} /> : null}
    </div>
  );
}

function CollectionDialog({ customerId, balance, onClose }: { customerId: string; balance: string; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [form, setForm] = useState({ receivedOn: todayAr(), method: "TRANSFER" as (typeof COLLECTION_METHODS)[number], amount: "", reference: "" });
  const [local, setLocal] = useState<string | null>(null);
  const m = trpc.billing.recordCollection.useMutation({
    onSuccess: () => {
      void utils.billing.statement.invalidate({ customerId });
      void utils.customers.list.invalidate();
      onClose();
    },
  });
  const errs = fieldErrors(m.error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <FormDialog
      title="Registrar cobro" description={`Saldo en facturas: ${formatMoney(balance)}. Se aplica a las facturas más viejas primero.`}
      onClose={onClose}
      submitLabel="Registrar cobro"
      busy={m.isPending}
      onSubmit={() => {
        const a = readMoney(form.amount);
        if (!a.ok) return setLocal(a.message);
        setLocal(null);
        m.mutate({ customerId, receivedOn: form.receivedOn, method: form.method, amount: a.value, reference: form.reference });
      }}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field label="Importe" error={errs.amount}>
          <NumberInput kind="money" label="Importe" value={form.amount} onValueChange={(amount) => setForm((f) => ({ ...f, amount }))} autoFocus />
        </Field>
        <Field label="Medio" error={errs.method}>
          <Select value={form.method} onChange={set("method")}>
            {COLLECTION_METHODS.map((x) => (
              <option key={x} value={x}>
                {COLLECTION_METHOD_LABELS[x]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Fecha" error={errs.receivedOn}>
          <Input type="date" value={form.receivedOn} onChange={set("receivedOn")} />
        </Field>
        <Field label="Referencia (opcional)" error={errs.reference}>
          <Input value={form.reference} onChange={set("reference")} maxLength={100} />
        </Field>
      </div>
      {local ? <Alert>{local}</Alert> : null}
      {m.error && !Object.keys(errs).length ? <Alert>{errorMessage(m.error)}</Alert> : null}
    </FormDialog>
  );
}
