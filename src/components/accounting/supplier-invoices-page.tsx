"use client";
import { useState } from "react";
import { trpc } from "@/lib/trpc/react";
import { SUPPLIER_DOC_TYPES, type SupplierDocType } from "@/lib/accounting/supplier-invoice";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { ddmmyyyy, money, num, td, th, thisMonth } from "./common";
import { calendarDateIn } from "@/lib/format";
import { SupplierInvoiceFields, toSupplierInvoiceInput, useSupplierInvoiceForm } from "./supplier-invoice-fields";
import { TableFrame } from "@/components/ui/table-frame";

/** Supplier documents of a period, and a form for services and expenses (no goods received). */
export function SupplierInvoicesPage({ canWrite }: { canWrite: boolean }) {
  const initial = thisMonth();
  const [range, setRange] = useState({ from: initial.from, to: initial.to });
  const [open, setOpen] = useState(false);
  const list = trpc.accounting.supplierInvoices.useQuery(range, { enabled: !!range.from && !!range.to && range.from <= range.to });
  return (
    <div className="space-y-4">
      <PageHeader
        title="Comprobantes de proveedores"
        description="Facturas, notas de crédito y tiques con sus datos fiscales: alimentan el Libro IVA compras y los asientos."
        actions={canWrite ? <Button onClick={() => setOpen(true)}>Registrar gasto o servicio</Button> : null}
      />
      <div className="flex flex-wrap gap-3">
        <Field label="Desde">
          <Input type="date" value={range.from} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />
        </Field>
        <Field label="Hasta">
          <Input type="date" value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />
        </Field>
      </div>
      {list.isLoading ? (
        <div role="status" className="h-32 animate-pulse rounded bg-slate-100" aria-label="Cargando" />
      ) : list.error ? (
        <Alert>{list.error.message}</Alert>
      ) : !list.data?.length ? (
        <EmptyState title="No hay comprobantes en estas fechas">
          Cargalos al recibir mercadería (marcá «Cargar la factura recibida») o registrá un gasto o servicio.
        </EmptyState>
      ) : (
        <Card>
          <TableFrame>
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th className={th} scope="col">Fecha</th><th className={th} scope="col">Comprobante</th><th className={th} scope="col">Proveedor</th>
                  <th className={`${th} text-right`} scope="col">Neto</th><th className={`${th} text-right`} scope="col">IVA</th>
                  <th className={`${th} text-right`} scope="col">Percepciones</th><th className={`${th} text-right`} scope="col">Total</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {list.data.map((i) => (
                  <tr key={i.id}>
                    <td className={`${td} whitespace-nowrap`}>{ddmmyyyy(i.issueDate)}</td>
                    <td className={`${td} whitespace-nowrap`}>
                      {SUPPLIER_DOC_TYPES[i.cbteTipo as SupplierDocType]?.label ?? i.cbteTipo} {String(i.pointOfSale).padStart(5, "0")}-{String(i.number).padStart(8, "0")}
                    </td>
                    <td className={td}>{i.supplierName}</td>
                    <td className={num}>{money(i.netTaxed)}</td>
                    <td className={num}>{money(i.vatTotal)}</td>
                    <td className={num}>{money(i.perceptionsTotal)}</td>
                    <td className={num}>{money(i.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableFrame>
        </Card>
      )}
      {open ? <ExpenseDialog onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

function ExpenseDialog({ onClose }: { onClose: () => void }) {
  const suppliers = trpc.purchasing.suppliers.useQuery();
  const [supplierId, setSupplierId] = useState("");
  const invoice = useSupplierInvoiceForm(calendarDateIn());
  const utils = trpc.useUtils();
  const save = trpc.accounting.recordExpenseInvoice.useMutation({
    onSuccess: () => {
      void utils.accounting.supplierInvoices.invalidate();
      onClose();
    },
  });
  return (
    <Dialog open onOpenChange={(o) => (o ? null : onClose())} title="Registrar gasto o servicio" description="El comprobante y su cuenta a pagar (vence según los días de pago del proveedor)." wide>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ supplierId, invoice: toSupplierInvoiceInput(invoice.form) });
        }}
      >
        <Field label="Proveedor">
          <Select required value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
            <option value="">Elegí el proveedor…</option>
            {(suppliers.data ?? []).map((s: { id: string; name: string }) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </Select>
        </Field>
        <SupplierInvoiceFields form={invoice.form} setForm={invoice.setForm} />
        {save.error ? <Alert>{save.error.message}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>Cancelar</Button>
          <Button type="submit" busy={save.isPending}>Registrar</Button>
        </div>
      </form>
    </Dialog>
  );
}
