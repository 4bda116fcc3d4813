"use client";
import { SupplierInvoiceFields, type SupplierInvoiceForm } from "@/components/accounting/supplier-invoice-fields";
import { Alert } from "@/components/ui/field";

/**
 * The part both receipt screens (against an order, and direct) share below their lines: the
 * optional supplier invoice, the lines still missing an expiry date, and the amounts that
 * could not be read.
 */
export function ReceiptChecks({
  withInvoice,
  onWithInvoice,
  invoice,
  missingExpiry,
  unreadable,
}: {
  withInvoice: boolean;
  onWithInvoice: (on: boolean) => void;
  invoice: { form: SupplierInvoiceForm; setForm: (f: SupplierInvoiceForm) => void };
  /** Names of the products whose lines need an expiry date. */
  missingExpiry: string[];
  unreadable: string[];
}) {
  return (
    <>
      <div className="space-y-3">
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={withInvoice} onChange={(e) => onWithInvoice(e.target.checked)} />
          Cargar la factura recibida (IVA y percepciones: van al Libro IVA y a la cuenta a pagar)
        </label>
        {withInvoice ? <SupplierInvoiceFields form={invoice.form} setForm={invoice.setForm} /> : null}
      </div>
      {missingExpiry.length ? <Alert kind="warning">Falta el vencimiento de: {missingExpiry.join(", ")}.</Alert> : null}
      {unreadable.length ? (
        <Alert>
          <ul>
            {unreadable.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </>
  );
}
