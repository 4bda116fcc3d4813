"use client";
import { toSupplierInvoiceInput, useSupplierInvoiceForm } from "@/components/accounting/supplier-invoice-fields";
import { ReceiptChecks } from "./receipt-checks";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page";
import { calendarDateIn, formatMoney, formatQty } from "@/lib/format";
import { Decimal } from "@/lib/decimal";
import { parseEsAr, toInputText } from "@/lib/number";
import { linesTotal, readCost, readLines, readQuantity } from "@/lib/purchasing/typed-lines";
import { NumberCell } from "./number-cell";
import { Table, num, orderNumber, td, th } from "./common";

type Row = { orderLineId: string; productId: string; name: string; hasExpiry: boolean; pending: string; quantity: string; unitCost: string; lotNumber: string; expiresAt: string; warehouseId: string };

/** Goods receipt of an order: quantity, lot, expiry, real cost and warehouse per line. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function ReceivePage({ slug, id }: { slug: string; id: string }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const q = trpc.purchasing.order.useQuery({ id });
  const catalog = trpc.purchasing.catalog.useQuery();
  // One key per form: a double click or a retry after a timeout is applied once.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [receivedOn, setReceivedOn] = useState("");
  const [reference, setReference] = useState("");
  const [withInvoice, setWithInvoice] = useState(false);
  const invoice = useSupplierInvoiceForm(calendarDateIn());
  const [over, setOver] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  const receive = trpc.purchasing.receive.useMutation({
    onSuccess: (r) => {
      void utils.purchasing.invalidate();
      router.push(`/${slug}/compras/pagos/${r.payableId}?recibido=1`);
    },
    onError: (e) => {
      const details = (e.data as { details?: { reason?: string } } | undefined)?.details;
      if (details?.reason === "OVER_RECEIPT") setOver(e.message);
    },
  });
  const o = q.data;
  if (o && rows === null) {
    setRows(
      o.lines
        .filter((l) => new Decimal(l.pending).gt(0))
        .map((l) => ({
          orderLineId: l.id,
          productId: l.productId,
          name: l.productName,
          hasExpiry: l.hasExpiry,
          pending: l.pending,
          // Stored decimals shown as es-AR text ("1500.000" → "1.500"), read back the same way.
          quantity: toInputText(l.pending, 3),
          unitCost: toInputText(l.unitCost, 4),
          lotNumber: "",
          expiresAt: "",
          warehouseId: o.warehouseId,
        })),
    );
  }
  if (q.error) return <Alert>{errorMessage(q.error)}</Alert>;
  if (!o || !rows) return <p className="text-sm text-slate-500">Cargando…</p>;
  const setRow = (i: number, patch: Partial<Row>) => setRows((rs) => rs!.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  // A line left empty or at 0 is not received this time (a partial delivery).
  // A line left empty or at 0 is not received this time (a partial delivery); unreadable ones
  // stay in, so the submit refuses them with their reading instead of dropping them silently.
  const active = rows.filter((r) => {
    const q = parseEsAr(r.quantity);
    return r.quantity.trim() !== "" && !(q.ok && q.value.isZero());
  });
  const total = linesTotal(active);
  const missingExpiry = active.filter((r) => r.hasExpiry && !r.expiresAt);
  const submit = (confirmOverReceipt: boolean) => {
    const read = readLines(active, (r) => r.name);
    setUnreadable(read.ok ? [] : read.messages);
    if (!read.ok) return;
    receive.mutate({
      idempotencyKey,
      orderId: o.id,
      receivedOn: receivedOn || null,
      reference: reference || null,
      supplierInvoice: withInvoice ? toSupplierInvoiceInput(invoice.form) : null,
      confirmOverReceipt,
      lines: read.lines.map((r) => ({
        orderLineId: r.orderLineId,
        productId: r.productId,
        warehouseId: r.warehouseId,
        quantity: r.quantity,
        unitCost: r.unitCost,
        lotNumber: r.lotNumber || null,
        expiresAt: r.expiresAt || null,
      })),
    });
  };
  return (
    <div className="space-y-4">
      <Link href={`/${slug}/compras/ordenes/${o.id}`} className="text-sm text-teal-800 hover:underline">
        ← Orden {orderNumber(o.number)}
      </Link>
      <PageHeader
        title={`Recibir ${orderNumber(o.number)}`}
        description={`${o.supplierName} · la cuenta a pagar vence ${o.paymentTermsDays === 0 ? "el mismo día" : `a los ${o.paymentTermsDays} días`} de la recepción.`}
      />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Fecha de recepción" hint="Vacío = hoy">
          <Input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
        </Field>
        <Field label="Remito / factura del proveedor">
          <Input value={reference} onChange={(e) => setReference(e.target.value)} placeholder="FC A 0001-00001234" />
        </Field>
      </div>
      <Table
        head={
          <tr>
            <th className={th}>Producto</th>
            <th className={`${th} text-right`}>Pendiente</th>
            <th className={th}>Cantidad recibida</th>
            <th className={th}>Lote</th>
            <th className={th}>Vencimiento</th>
            <th className={th}>Costo unitario</th>
            <th className={th}>Depósito</th>
          </tr>
        }
      >
        {rows.map((r, i) => (
          <tr key={r.orderLineId}>
            <td className={td}>{r.name}</td>
            <td className={num}>{formatQty(r.pending)}</td>
            <td className={td}>
              <NumberCell label={`Cantidad recibida de ${r.name}`} className="w-24" maxDecimals={3} value={r.quantity} read={readQuantity} onChange={(v) => setRow(i, { quantity: v })} />
            </td>
            <td className={td}>
              <Input aria-label={`Lote de ${r.name}`} className="w-32" value={r.lotNumber} onChange={(e) => setRow(i, { lotNumber: e.target.value })} />
            </td>
            <td className={td}>
              <Input aria-label={`Vencimiento de ${r.name}`} type="date" value={r.expiresAt} onChange={(e) => setRow(i, { expiresAt: e.target.value })} invalid={r.hasExpiry && !r.expiresAt} />
            </td>
            <td className={td}>
              <NumberCell label={`Costo unitario de ${r.name}`} value={r.unitCost} read={readCost} onChange={(v) => setRow(i, { unitCost: v })} />
            </td>
            <td className={td}>
              <Select aria-label={`Depósito de ${r.name}`} value={r.warehouseId} onChange={(e) => setRow(i, { warehouseId: e.target.value })}>
                {(catalog.data?.warehouses ?? []).map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </Select>
            </td>
          </tr>
        ))}
      </Table>
      <ReceiptChecks
        withInvoice={withInvoice}
        onWithInvoice={setWithInvoice}
        invoice={invoice}
        missingExpiry={missingExpiry.map((r) => r.name)}
        unreadable={unreadable}
      />
      {receive.error && !over ? <Alert>{errorMessage(receive.error)}</Alert> : null}
      <div className="flex items-center justify-between">
        <div className="text-lg font-semibold">Total a pagar {formatMoney(total)}</div>
        <Button busy={receive.isPending} disabled={active.length === 0 || missingExpiry.length > 0} onClick={() => submit(false)}>
          Confirmar recepción
        </Button>
      </div>
      <Dialog open={over !== null} onOpenChange={(v) => !v && setOver(null)} title="¿Recibir más de lo pedido?" description={over ?? ""}>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOver(null)}>
            Revisar cantidades
          </Button>
          <Button
            busy={receive.isPending}
            onClick={() => {
              setOver(null);
              submit(true);
            }}
          >
            Sí, recibir igual
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
