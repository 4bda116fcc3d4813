"use client";
import { useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { Card, PageHeader } from "@/components/ui/page";
import { formatMoney } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { Badge, BillingTabs, CBTE_LABELS, Skeleton, Table, day, dayTime, docLabel, main, num, readMoney, td, th, wide } from "./common";

const STATUS = { PENDING: ["Pendiente", "info"], ISSUED: ["Emitida", "ok"], REJECTED: ["Rechazada", "bad"], ERROR: ["Con error", "warn"] } as const;

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function InvoicesPage({ slug, batchId = "" }: { slug: string; batchId?: string }) {
  const customers = trpc.customers.list.useQuery({ includeInactive: true });
  const batches = trpc.billing.batches.useQuery();
  const [f, setF] = useState({ customerId: "", from: "", to: "", minTotal: "", maxTotal: "", cbteTipo: "", number: "", status: "", batchId });
  const min = f.minTotal ? readMoney(f.minTotal, "Monto desde") : null;
  const max = f.maxTotal ? readMoney(f.maxTotal, "Monto hasta") : null;
  const input = {
    customerId: f.customerId || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    minTotal: min?.ok ? min.value : undefined,
    maxTotal: max?.ok ? max.value : undefined,
    cbteTipo: f.cbteTipo ? Number(f.cbteTipo) : undefined,
    number: f.number && /^\d{1,8}$/.test(f.number) ? Number(f.number) : undefined,
    status: (f.status || undefined) as "PENDING" | "ISSUED" | "REJECTED" | "ERROR" | undefined,
    batchId: f.batchId || undefined,
  };
  const q = trpc.billing.invoices.useQuery(input);
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setF((x) => ({ ...x, [k]: e.target.value }));
  return (
    <div>
      <BillingTabs slug={slug} />
      <PageHeader title="Consulta de comprobantes" description="Facturas y notas de crédito del punto de venta, los checkouts y los lotes, con totales." />
      <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Field label="Cliente">
          <Select value={f.customerId} onChange={set("customerId")}>
            <option value="">Todos</option>
            {(customers.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Desde">
          <Input type="date" value={f.from} onChange={set("from")} />
        </Field>
        <Field label="Hasta">
          <Input type="date" value={f.to} onChange={set("to")} />
        </Field>
        <Field label="Tipo">
          <Select value={f.cbteTipo} onChange={set("cbteTipo")}>
            <option value="">Todos</option>
            {Object.entries(CBTE_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Monto desde" error={min && !min.ok ? min.message : undefined}>
          <NumberInput kind="money" label="Monto desde" value={f.minTotal} onValueChange={(minTotal) => setF((x) => ({ ...x, minTotal }))} />
        </Field>
        <Field label="Monto hasta" error={max && !max.ok ? max.message : undefined}>
          <NumberInput kind="money" label="Monto hasta" value={f.maxTotal} onValueChange={(maxTotal) => setF((x) => ({ ...x, maxTotal }))} />
        </Field>
        <Field label="Número">
          <Input value={f.number} onChange={set("number")} inputMode="numeric" />
        </Field>
        <Field label="Lote">
          <Select value={f.batchId} onChange={set("batchId")}>
            <option value="">Todos</option>
            {(batches.data ?? []).map((b) => (
              <option key={b.id} value={b.id}>
                {dayTime(b.createdAt)} · PV {b.pointOfSale}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Estado">
          <Select value={f.status} onChange={set("status")}>
            <option value="">Todos</option>
            {Object.entries(STATUS).map(([k, v]) => (
              <option key={k} value={k}>
                {v[0]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.isLoading ? <Skeleton rows={5} /> : null}
      {q.data ? (
        <>
          <div className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4">
            <Card title="Comprobantes">
              <p className="text-xl font-semibold tabular-nums">{q.data.stats.count}</p>
            </Card>
            <Card title="Total facturado">
              <p className="text-xl font-semibold tabular-nums">{formatMoney(q.data.stats.total)}</p>
            </Card>
            <Card title="Promedio">
              <p className="text-xl font-semibold tabular-nums">{formatMoney(q.data.stats.average)}</p>
            </Card>
            <Card title="Emitidos / rechazados / pendientes">
              <p className="text-xl font-semibold tabular-nums">
                {q.data.stats.issued} / {q.data.stats.rejected} / {q.data.stats.pending}
              </p>
            </Card>
          </div>
          <Table
            head={
              <tr>
                <th className={`${th} ${wide}`}>Fecha</th>
                <th className={th}>Comprobante</th>
                <th className={`${th} ${wide}`}>Receptor</th>
                <th className={`${th} ${wide}`}>Estado</th>
                <th className={`${th} text-right`}>Total</th>
              </tr>
            }
            empty={q.data.rows.length === 0 ? "No hay comprobantes con esos filtros." : undefined}
          >
            {q.data.rows.map((r) => (
              <tr key={r.id}>
                <td className={`${td} ${wide}`}>{day(r.issueDate)}</td>
                <td className={`${td} ${main}`}>
                  {docLabel(r.cbteTipo, r.pointOfSale, r.number)}
                  <span className="block whitespace-normal text-xs text-slate-600 sm:hidden">
                    {day(r.issueDate)} · {r.receiverName ?? r.receiverDocNumber} · {STATUS[r.status][0]}
                  </span>
                </td>
                <td className={`${td} ${wide}`}>{r.receiverName ?? r.receiverDocNumber}</td>
                <td className={`${td} ${wide}`}>
                  <Badge tone={STATUS[r.status][1]}>{STATUS[r.status][0]}</Badge>
                </td>
                <td className={num}>{formatMoney(r.total)}</td>
              </tr>
            ))}
          </Table>
        </>
      ) : null}
    </div>
  );
}
