"use client";
import { toSupplierInvoiceInput, useSupplierInvoiceForm } from "@/components/accounting/supplier-invoice-fields";
import { ReceiptChecks } from "./receipt-checks";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page";
import { calendarDateIn, formatMoney } from "@/lib/format";
import { linesTotal, readLines } from "@/lib/purchasing/typed-lines";
import { PurchaseLinesEditor, emptyPurchaseLine, type PurchaseLine } from "./purchase-lines-editor";

/** Goods received without a purchase order (a delivery that came with its invoice): lots, stock and payable at once. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function DirectReceiptPage({ slug }: { slug: string }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const suppliers = trpc.purchasing.suppliers.useQuery();
  const [supplierId, setSupplierId] = useState("");
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const [reference, setReference] = useState("");
  const [withInvoice, setWithInvoice] = useState(false);
  const invoice = useSupplierInvoiceForm(calendarDateIn());
  const [receivedOn, setReceivedOn] = useState("");
  const [lines, setLines] = useState<PurchaseLine[]>([emptyPurchaseLine()]);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const receive = trpc.purchasing.receive.useMutation({
    onSuccess: (r) => {
      void utils.purchasing.invalidate();
      router.push(`/${slug}/compras/pagos/${r.payableId}?recibido=1`);
    },
  });
  const filled = lines.filter((l) => l.productId);
  const missingExpiry = filled.filter((l) => l.hasExpiry && !l.expiresAt);
  const submit = () => {
    const read = readLines(filled, (l) => l.productName);
    setUnreadable(read.ok ? [] : read.messages);
    if (!read.ok) return;
    receive.mutate({
      idempotencyKey,
      supplierId,
      reference: reference || null,
      supplierInvoice: withInvoice ? toSupplierInvoiceInput(invoice.form) : null,
      receivedOn: receivedOn || null,
      lines: read.lines.map((l) => ({
        productId: l.productId,
        quantity: l.quantity,
        unitCost: l.unitCost,
        lotNumber: l.lotNumber || null,
        expiresAt: l.expiresAt || null,
        warehouseId: l.warehouseId || null,
      })),
    });
  };
  return (
    <div className="space-y-4">
      <Link href={`/${slug}/compras/ordenes`} className="text-sm text-teal-800 hover:underline">
        ← Órdenes
      </Link>
      <PageHeader title="Recepción sin orden de compra" description="Para mercadería que llega con su factura sin haberla pedido por el sistema." />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Proveedor">
          <Select value={supplierId} onChange={(e) => setSupplierId(e.target.value)}>
            <option value="">Elegí un proveedor…</option>
            {(suppliers.data ?? []).filter((s) => s.active).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Remito / factura">
          <Input value={reference} maxLength={80} onChange={(e) => setReference(e.target.value)} />
        </Field>
        <Field label="Fecha de recepción" hint="Vacío = hoy">
          <Input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
        </Field>
      </div>
      <PurchaseLinesEditor supplierId={supplierId} lines={lines} onChange={setLines} receipt />
      <ReceiptChecks
        withInvoice={withInvoice}
        onWithInvoice={setWithInvoice}
        invoice={invoice}
        missingExpiry={missingExpiry.map((l) => l.productName)}
        unreadable={unreadable}
      />
      {receive.error ? <Alert>{errorMessage(receive.error)}</Alert> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="text-lg font-semibold">Total a pagar {formatMoney(linesTotal(filled))}</div>
        <Button busy={receive.isPending} disabled={!supplierId || filled.length === 0 || missingExpiry.length > 0} onClick={submit}>
          Confirmar recepción
        </Button>
      </div>
    </div>
  );
}
