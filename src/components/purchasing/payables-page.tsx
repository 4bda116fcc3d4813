"use client";
import Link from "next/link";
import { useState } from "react";
import { useSearchParams } from "next/navigation";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { formatMoney } from "@/lib/format";
import { PAYABLE_STATUS_LABELS, PAYMENT_METHOD_LABELS, PayableStatusBadge, Table, day, num, orderNumber, td, th } from "./common";
import { useCan } from "@/components/auth/permissions";

type Filter = keyof typeof PAYABLE_STATUS_LABELS | "OPEN" | "";

const dueText = (days: number, status: string) =>
  status === "PAID" ? "" : days === 0 ? "vence hoy" : days > 0 ? `en ${days} ${days === 1 ? "día" : "días"}` : `hace ${-days} ${days === -1 ? "día" : "días"}`;

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function PayablesPage({ slug }: { slug: string }) {
  const [status, setStatus] = useState<Filter>("OPEN");
  const [paying, setPaying] = useState<{ id: string; balance: string; supplier: string } | null>(null);
  const canWrite = useCan()("purchasing.write");
  const q = trpc.purchasing.payables.useQuery(status ? { status } : undefined);
  const rows = q.data?.rows ?? [];
  const open = rows.filter((r) => r.status !== "PAID");
  const sumOf = (s: string) => open.filter((r) => r.status === s).reduce((a, r) => a + Number(r.balance), 0);
  return (
    <div>
      <PageHeader title="Cuentas a pagar" description="Se generan solas al recibir mercadería. Vence pronto = 7 días o menos." />
      {status === "OPEN" && rows.length ? (
        <div className="mb-4 grid gap-3 sm:grid-cols-3">
          <Card title="Vencidas">
            <span className="text-lg font-semibold text-red-700">{formatMoney(sumOf("OVERDUE"))}</span>
          </Card>
          <Card title="Vencen en 7 días">
            <span className="text-lg font-semibold text-amber-800">{formatMoney(sumOf("DUE_SOON"))}</span>
          </Card>
          <Card title="Al día">
            <span className="text-lg font-semibold">{formatMoney(sumOf("CURRENT"))}</span>
          </Card>
        </div>
      ) : null}
      <div className="mb-3 max-w-xs">
        <Select value={status} onChange={(e) => setStatus(e.target.value as Filter)} aria-label="Filtrar por estado">
          <option value="OPEN">Pendientes de pago</option>
          <option value="">Todas</option>
          {Object.entries(PAYABLE_STATUS_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
      </div>
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.data && rows.length === 0 && status === "OPEN" ? (
        <EmptyState title="No debés nada">Cuando recibas mercadería, la cuenta a pagar aparece acá con su vencimiento.</EmptyState>
      ) : (
        <Table
          head={
            <tr>
              <th className={th}>Proveedor</th>
              <th className={th}>Comprobante</th>
              <th className={th}>Emitida</th>
              <th className={th}>Vence</th>
              <th className={th}>Estado</th>
              <th className={`${th} text-right`}>Importe</th>
              <th className={`${th} text-right`}>Saldo</th>
              <th className={th} />
            </tr>
          }
          empty={rows.length === 0 ? "No hay cuentas en ese estado." : undefined}
        >
          {rows.map((p) => (
            <tr key={p.id} data-testid={`payable-${p.id}`}>
              <td className={td}>
                <Link className="font-medium text-teal-800 hover:underline" href={`/${slug}/compras/pagos/${p.id}`}>
                  {p.supplierName}
                </Link>
              </td>
              <td className={td}>{[p.reference, p.orderNumber ? orderNumber(p.orderNumber) : null].filter(Boolean).join(" · ") || "—"}</td>
              <td className={td}>{day(p.issuedOn)}</td>
              <td className={td}>
                {day(p.dueOn)} <span className="text-xs text-slate-500">{dueText(p.daysToDue, p.status)}</span>
              </td>
              <td className={td}>
                <PayableStatusBadge status={p.status} />
              </td>
              <td className={num}>{formatMoney(p.amount)}</td>
              <td className={num}>{formatMoney(p.balance)}</td>
              <td className={td}>
                {canWrite && p.status !== "PAID" ? (
                  <Button variant="secondary" onClick={() => setPaying({ id: p.id, balance: p.balance, supplier: p.supplierName })}>
                    Registrar pago
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {paying ? <PaymentDialog {...paying} onClose={() => setPaying(null)} /> : null}
    </div>
  );
}

export function PaymentDialog({ id, balance, supplier, onClose }: { id: string; balance: string; supplier: string; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [amount, setAmount] = useState(balance);
  const [method, setMethod] = useState<keyof typeof PAYMENT_METHOD_LABELS>("TRANSFER");
  const [reference, setReference] = useState("");
  const [paidOn, setPaidOn] = useState("");
  const pay = trpc.purchasing.pay.useMutation({
    onSuccess: () => {
      void utils.purchasing.invalidate();
      onClose();
    },
  });
  const errs = fieldErrors(pay.error);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={`Pago a ${supplier}`} description={`Saldo pendiente ${formatMoney(balance)}. Podés pagar una parte.`}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          pay.mutate({ payableId: id, amount, method, reference: reference || null, paidOn: paidOn || null });
        }}
      >
        <div className="grid grid-cols-2 gap-3">
          <Field label="Importe" error={errs.amount}>
            <Input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" invalid={!!errs.amount} autoFocus />
          </Field>
          <Field label="Medio de pago">
            <Select value={method} onChange={(e) => setMethod(e.target.value as keyof typeof PAYMENT_METHOD_LABELS)}>
              {Object.entries(PAYMENT_METHOD_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Referencia" hint="N° de transferencia, cheque…">
            <Input value={reference} onChange={(e) => setReference(e.target.value)} />
          </Field>
          <Field label="Fecha" hint="Vacío = hoy">
            <Input type="date" value={paidOn} onChange={(e) => setPaidOn(e.target.value)} />
          </Field>
        </div>
        {pay.error && !errs.amount ? <Alert>{errorMessage(pay.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancelar
          </Button>
          <Button type="submit" busy={pay.isPending}>
            Registrar pago
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function PayableDetailPage({ slug, id }: { slug: string; id: string }) {
  const canWrite = useCan()("purchasing.write");
  const justReceived = useSearchParams().get("recibido") === "1";
  const q = trpc.purchasing.payable.useQuery({ id });
  const [paying, setPaying] = useState(false);
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  if (!q.data) return <p className="text-sm text-slate-500">Cargando…</p>;
  const { payable: p, payments } = q.data;
  return (
    <div className="space-y-4">
      <Link href={`/${slug}/compras/pagos`} className="text-sm text-teal-800 hover:underline">
        ← Cuentas a pagar
      </Link>
      {justReceived ? <Alert kind="success">Mercadería recibida: se crearon los lotes, el ingreso de stock y esta cuenta a pagar.</Alert> : null}
      <PageHeader
        title={`Cuenta a pagar · ${p.supplierName}`}
        description={[p.reference, p.orderNumber ? orderNumber(p.orderNumber) : null].filter(Boolean).join(" · ") || undefined}
        actions={
          canWrite && p.status !== "PAID" ? <Button onClick={() => setPaying(true)}>Registrar pago</Button> : null
        }
      />
      {p.status === "DUE_SOON" || p.status === "OVERDUE" ? (
        <Alert kind={p.status === "OVERDUE" ? "error" : "warning"}>
          {p.status === "OVERDUE"
            ? `Vencida hace ${-p.daysToDue} ${p.daysToDue === -1 ? "día" : "días"}.`
            : p.daysToDue === 0
              ? "Vence hoy."
              : `Vence en ${p.daysToDue} ${p.daysToDue === 1 ? "día" : "días"}.`}
        </Alert>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-4">
        <Card title="Estado">
          <PayableStatusBadge status={p.status} />
        </Card>
        <Card title="Vencimiento">{day(p.dueOn)}</Card>
        <Card title="Importe">{formatMoney(p.amount)}</Card>
        <Card title="Saldo">
          <span className="text-lg font-semibold">{formatMoney(p.balance)}</span>
        </Card>
      </div>
      <Card title="Pagos">
        {payments.length === 0 ? (
          <p className="text-sm text-slate-600">Sin pagos todavía.</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {payments.map((x) => (
              <li key={x.id} className="flex justify-between py-1.5">
                <span>
                  {day(x.paidOn)} · {PAYMENT_METHOD_LABELS[x.method]}
                  {x.reference ? ` · ${x.reference}` : ""}
                </span>
                <span className="tabular-nums">{formatMoney(x.amount)}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Link href={`/${slug}/compras/proveedores/${p.supplierId}`} className="text-sm text-teal-800 hover:underline">
        Ver cuenta corriente del proveedor →
      </Link>
      {paying ? <PaymentDialog id={p.id} balance={p.balance} supplier={p.supplierName} onClose={() => setPaying(false)} /> : null}
    </div>
  );
}

export function AgeingPage({ slug }: { slug: string }) {
  const q = trpc.purchasing.ageing.useQuery();
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  const cols = [
    ["notDue", "A vencer"],
    ["days1To30", "1–30 días"],
    ["days31To60", "31–60 días"],
    ["days61To90", "61–90 días"],
    ["daysOver90", "Más de 90"],
    ["total", "Total"],
  ] as const;
  return (
    <div>
      <PageHeader title="Antigüedad de deuda" description={q.data ? `Saldos pendientes por días de atraso al ${day(q.data.today)}.` : undefined} />
      {q.data && q.data.rows.length === 0 ? (
        <EmptyState title="No hay deuda con proveedores" />
      ) : (
        <Table
          head={
            <tr>
              <th className={th}>Proveedor</th>
              {cols.map(([k, l]) => (
                <th key={k} className={`${th} text-right`}>
                  {l}
                </th>
              ))}
            </tr>
          }
        >
          {(q.data?.rows ?? []).map((r) => (
            <tr key={r.supplierId}>
              <td className={td}>
                <Link className="text-teal-800 hover:underline" href={`/${slug}/compras/proveedores/${r.supplierId}`}>
                  {r.supplierName}
                </Link>
              </td>
              {cols.map(([k]) => (
                <td key={k} className={`${num} ${k === "total" ? "font-semibold" : ""} ${k !== "notDue" && k !== "total" && r[k] !== "0.00" ? "text-red-700" : ""}`}>
                  {formatMoney(r[k])}
                </td>
              ))}
            </tr>
          ))}
          {q.data && q.data.rows.length > 1 ? (
            <tr className="bg-slate-50 font-semibold">
              <td className={td}>Total</td>
              {cols.map(([k]) => (
                <td key={k} className={num}>
                  {formatMoney(q.data.totals[k])}
                </td>
              ))}
            </tr>
          ) : null}
        </Table>
      )}
    </div>
  );
}
