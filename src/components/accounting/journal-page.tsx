"use client";
import { useState } from "react";
import { trpc } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input } from "@/components/ui/field";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { ddmmyyyy, money, num, td, th, thisMonth } from "./common";
import { TableFrame } from "@/components/ui/table-frame";

/** Period → preview (totals by account, unbalanced entries) → export → downloads; and the history. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function JournalPage({ slug, canWrite }: { slug: string; canWrite: boolean }) {
  const initial = thisMonth();
  const [period, setPeriod] = useState({ from: initial.from, to: initial.to });
  const [confirm, setConfirm] = useState(false);
  const utils = trpc.useUtils();
  const preview = trpc.accounting.preview.useMutation();
  const exp = trpc.accounting.export.useMutation({
    onSuccess: () => {
      setConfirm(false);
      preview.reset();
      void utils.accounting.exports.invalidate();
    },
  });
  const history = trpc.accounting.exports.useQuery();
  const p = preview.data;
  const blocked = !p || p.unbalanced.length > 0 || p.entryCount === 0;
  const fileUrl = (id: string, formato: "csv" | "xlsx") => `/api/contabilidad/${slug}/asientos/${id}?formato=${formato}`;

  return (
    <div className="space-y-6">
      <PageHeader title="Asientos contables" description="Generá los asientos de ventas, compras, pagos, arqueos y ajustes de inventario, revisalos y exportalos para tu contador." />
      {canWrite ? (
        <Card title="Exportar un período">
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              preview.mutate(period);
            }}
          >
            <Field label="Desde">
              <Input type="date" required value={period.from} onChange={(e) => setPeriod((x) => ({ ...x, from: e.target.value }))} />
            </Field>
            <Field label="Hasta">
              <Input type="date" required value={period.to} onChange={(e) => setPeriod((x) => ({ ...x, to: e.target.value }))} />
            </Field>
            <Button type="submit" busy={preview.isPending}>
              Vista previa
            </Button>
          </form>
          {preview.error ? <div className="mt-3"><Alert>{preview.error.message}</Alert></div> : null}
          {exp.data ? (
            <div className="mt-4">
              <Alert kind="success">
                Exportación N° {exp.data.number}: {exp.data.entryCount === 1 ? "1 asiento" : `${exp.data.entryCount} asientos`}, debe y haber {money(exp.data.totalDebit)}.{" "}
                <a className="font-medium underline" href={fileUrl(exp.data.exportId, "csv")}>Descargar CSV</a> ·{" "}
                <a className="font-medium underline" href={fileUrl(exp.data.exportId, "xlsx")}>Descargar XLSX</a>
              </Alert>
            </div>
          ) : null}
          {p ? (
            <div className="mt-5 space-y-4">
              <p className="text-sm text-slate-700" aria-live="polite">
                {p.entryCount === 0
                  ? "No hay asientos nuevos hasta esa fecha: todo lo anterior ya fue exportado."
                  : `${p.entryCount === 1 ? "1 asiento nuevo" : `${p.entryCount} asientos nuevos`}${p.earlierPending ? ` (${p.earlierPending} de fechas anteriores que no se habían exportado)` : ""}. Debe ${money(p.totalDebit)} · Haber ${money(p.totalCredit)}.`}
              </p>
              {p.unbalanced.length ? (
                <Alert>
                  {p.unbalanced.length === 1 ? "Un asiento no balancea" : `${p.unbalanced.length} asientos no balancean`}: no se puede exportar hasta corregirlos.
                  <ul className="mt-2 list-disc pl-5">
                    {p.unbalanced.map((u) => (
                      <li key={u.entryId}>
                        {ddmmyyyy(u.entryDate)} · {u.description}: debe {money(u.debit)}, haber {money(u.credit)}
                      </li>
                    ))}
                  </ul>
                </Alert>
              ) : null}
              {p.byAccount.length ? (
                <TableFrame>
                  <table className="min-w-full text-sm">
                    <caption className="sr-only">Totales por cuenta</caption>
                    <thead className="bg-slate-50">
                      <tr><th className={th} scope="col">Cuenta</th><th className={th} scope="col">Nombre</th><th className={`${th} text-right`} scope="col">Debe</th><th className={`${th} text-right`} scope="col">Haber</th></tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {p.byAccount.map((a) => (
                        <tr key={a.code}><td className={td}>{a.code}</td><td className={td}>{a.name}</td><td className={num}>{money(a.debit)}</td><td className={num}>{money(a.credit)}</td></tr>
                      ))}
                    </tbody>
                    <tfoot className="border-t border-slate-300 font-medium">
                      <tr><td className={td} colSpan={2}>Total</td><td className={num}>{money(p.totalDebit)}</td><td className={num}>{money(p.totalCredit)}</td></tr>
                    </tfoot>
                  </table>
                </TableFrame>
              ) : null}
              <Button onClick={() => setConfirm(true)} disabled={blocked}>
                Exportar estos asientos
              </Button>
            </div>
          ) : null}
        </Card>
      ) : null}
      <Dialog open={confirm} onOpenChange={setConfirm} title="¿Exportar los asientos?" description="Quedan marcados como exportados: una nueva exportación del mismo período no los repite. Si después se anula una venta, su reversión sale en la próxima exportación.">
        {exp.error ? <div className="mb-3"><Alert>{exp.error.message}</Alert></div> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setConfirm(false)}>Cancelar</Button>
          <Button busy={exp.isPending} onClick={() => exp.mutate(period)}>Exportar</Button>
        </div>
      </Dialog>
      <Card title="Exportaciones anteriores">
        {history.isLoading ? (
          <div role="status" className="h-24 animate-pulse rounded bg-slate-100" aria-label="Cargando" />
        ) : !history.data?.length ? (
          <EmptyState title="Todavía no exportaste asientos">Elegí un período arriba, revisá la vista previa y exportalo.</EmptyState>
        ) : (
          <TableFrame>
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th className={th} scope="col">N°</th><th className={th} scope="col">Período</th><th className={`${th} text-right`} scope="col">Asientos</th>
                  <th className={`${th} text-right`} scope="col">Debe = Haber</th><th className={th} scope="col">Por</th><th className={th} scope="col">Archivos</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {history.data.map((x) => (
                  <tr key={x.id}>
                    <td className={td}>{x.number}</td>
                    <td className={td}>{ddmmyyyy(x.periodFrom)} – {ddmmyyyy(x.periodTo)}</td>
                    <td className={num}>{x.entryCount}</td>
                    <td className={num}>{money(x.totalDebit)}</td>
                    <td className={td}>{x.createdBy ?? "—"}</td>
                    <td className={`${td} whitespace-nowrap`}>
                      <a className="text-teal-800 underline" href={fileUrl(x.id, "csv")}>CSV</a> · <a className="text-teal-800 underline" href={fileUrl(x.id, "xlsx")}>XLSX</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        )}
      </Card>
    </div>
  );
}
