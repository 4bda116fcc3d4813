"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { formatMoney, formatNumber } from "@/lib/number";
import { plural } from "@/lib/plural";
import { BillingTabs, Skeleton, Table, day, main, num, td, th, useCan, wide } from "./common";
import { CreateBatchDialog } from "./create-batch-dialog";

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function PendingPage({ slug }: { slug: string }) {
  const q = trpc.billing.pending.useQuery({});
  const canWrite = useCan("billing.write");
  const [cancelling, setCancelling] = useState<{ id: string; fromPos: boolean; description: string } | null>(null);
  const [billing, setBilling] = useState<{ customerIds: string[]; chargeIds: string[] } | null>(null);
  // A hand-picked list of charges (seed 002: "lista manual"), across customers.
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setPicked((p) => {
      const n = new Set(p);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const stillPending = new Set(q.data?.groups.flatMap((g) => g.items.map((i) => i.id)) ?? []);
  const chosen = [...picked].filter((id) => stillPending.has(id));
  return (
    <div>
      <BillingTabs slug={slug} />
      <PageHeader
        title="Pendientes de facturación"
        description="Cargos a cuenta sin factura todavía (ventas a cuenta, folios cerrados a la empresa, servicios), por cliente y alícuota. Marcá cargos para facturar solo esos."
        actions={
          canWrite && q.data?.count ? (
            <div className="flex flex-wrap gap-2">
              {chosen.length ? (
                <Button variant="secondary" onClick={() => setBilling({ customerIds: [], chargeIds: chosen })}>
                  Facturar seleccionados ({chosen.length})
                </Button>
              ) : null}
              <Button onClick={() => setBilling({ customerIds: [], chargeIds: [] })}>Facturar en lote</Button>
            </div>
          ) : null
        }
      />
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.isLoading ? <Skeleton rows={4} /> : null}
      {q.data && q.data.count === 0 ? (
        <EmptyState title="No hay nada pendiente de facturar">
          Las ventas «a cuenta» del punto de venta y los folios cerrados a cuenta de una empresa aparecen acá hasta que un lote los factura.
        </EmptyState>
      ) : null}
      {q.data && q.data.count > 0 ? (
        <div className="space-y-5">
          <p className="text-sm text-slate-700">
            {plural(q.data.count, "cargo")} de {plural(q.data.groups.length, "cliente")}: <strong className="tabular-nums">{formatMoney(q.data.total)}</strong>
          </p>
          {q.data.groups.map((g) => (
            <section key={g.customerId} aria-label={g.customerName}>
              <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                <h2 className="text-base font-semibold text-slate-900">
                  <Link href={`/${slug}/facturacion/cuentas/${g.customerId}`} className="text-teal-800 hover:underline">
                    {g.customerName}
                  </Link>
                </h2>
                <div className="flex items-center gap-3 text-sm">
                  <span className="text-slate-600">{g.byRate.map((r) => `IVA ${formatNumber(r.rate)} %: ${formatMoney(r.total)}`).join(" · ")}</span>
                  <strong className="tabular-nums">{formatMoney(g.total)}</strong>
                  {canWrite ? (
                    <Button variant="secondary" onClick={() => setBilling({ customerIds: [g.customerId], chargeIds: [] })}>
                      Facturar
                    </Button>
                  ) : null}
                </div>
              </div>
              <Table
                head={
                  <tr>
                    {canWrite ? (
                      <th className={`${th} w-8`}>
                        <span className="sr-only">Elegir</span>
                      </th>
                    ) : null}
                    <th className={`${th} ${wide}`}>Fecha</th>
                    <th className={th}>Concepto</th>
                    <th className={`${th} text-right`}>Importe</th>
                    <th className={th} />
                  </tr>
                }
              >
                {g.items.map((i) => (
                  <tr key={i.id}>
                    {canWrite ? (
                      <td className={td}>
                        <input type="checkbox" className="size-5" checked={picked.has(i.id)} onChange={() => toggle(i.id)} aria-label={`Elegir ${i.description} del ${day(i.chargedOn)}`} />
                      </td>
                    ) : null}
                    <td className={`${td} ${wide}`}>{day(i.chargedOn)}</td>
                    <td className={`${td} ${main}`}>
                      {i.description}
                      <span className="block text-xs text-slate-500 sm:hidden">{day(i.chargedOn)}</span>
                    </td>
                    <td className={num}>{formatMoney(i.total)}</td>
                    <td className={td}>
                      {canWrite ? (
                        <Button variant="ghost" className="text-red-700" onClick={() => setCancelling({ id: i.id, fromPos: !!i.saleId, description: i.description })}>
                          Cancelar
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </Table>
            </section>
          ))}
        </div>
      ) : null}
      {cancelling ? <CancelDialog {...cancelling} onClose={() => setCancelling(null)} /> : null}
      {billing ? <CreateBatchDialog slug={slug} customerIds={billing.customerIds} chargeIds={billing.chargeIds} onClose={() => setBilling(null)} /> : null}
    </div>
  );
}

function CancelDialog({ id, fromPos, description, onClose }: { id: string; fromPos: boolean; description: string; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [form, setForm] = useState({ reason: "", supervisorEmail: "", supervisorPassword: "" });
  const m = trpc.billing.cancelPending.useMutation({
    onSuccess: () => {
      void utils.billing.pending.invalidate();
      onClose();
    },
  });
  const errs = fieldErrors(m.error);
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm((f) => ({ ...f, [k]: e.target.value }));
  return (
    <Dialog
      open
      onOpenChange={(o) => !o && onClose()}
      title="Cancelar cargo pendiente"
      description={fromPos ? `${description}. Es una venta del punto de venta: se anula (vuelve el stock) con autorización de un supervisor.` : description}
    >
      <form
        className="space-y-3"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          m.mutate({ chargeId: id, reason: form.reason, ...(fromPos ? { supervisorEmail: form.supervisorEmail, supervisorPassword: form.supervisorPassword } : {}) });
        }}
      >
        <Field label="Motivo" error={errs.reason}>
          <Input value={form.reason} onChange={set("reason")} maxLength={300} autoFocus invalid={!!errs.reason} />
        </Field>
        {fromPos ? (
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <Field label="E-mail del supervisor" error={errs.supervisorEmail}>
              <Input value={form.supervisorEmail} onChange={set("supervisorEmail")} type="email" autoComplete="off" />
            </Field>
            <Field label="Contraseña del supervisor">
              <Input value={form.supervisorPassword} onChange={set("supervisorPassword")} type="password" autoComplete="off" />
            </Field>
          </div>
        ) : null}
        {m.error && !Object.keys(errs).length ? <Alert>{errorMessage(m.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Volver
          </Button>
          <Button type="submit" variant="danger" busy={m.isPending}>
            Cancelar cargo
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
