"use client";
import { SupplierInvoiceFields, toSupplierInvoiceInput, useSupplierInvoiceForm } from "@/components/accounting/supplier-invoice-fields";
import Link from "next/link";
import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page";
import { formatMoney } from "@/lib/format";
import { Decimal } from "@/lib/decimal";
import { Table, num, td, th } from "./common";

type Line = { productId: string; quantity: string; unitCost: string; lotNumber: string; expiresAt: string; warehouseId: string };
const empty = (warehouseId = ""): Line => ({ productId: "", quantity: "", unitCost: "", lotNumber: "", expiresAt: "", warehouseId });
const amount = (l: Line) => {
  try {
    return new Decimal(l.quantity.replace(",", ".") || 0).times(l.unitCost.replace(",", ".") || 0);
  } catch {
    return new Decimal(0);
  }
};

/** Goods received without a purchase order (a delivery that came with its invoice): lots, stock and payable at once. */
export function DirectReceiptPage({ slug }: { slug: string }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const suppliers = trpc.purchasing.suppliers.useQuery();
  const [supplierId, setSupplierId] = useState("");
  const [search, setSearch] = useState("");
  const catalog = trpc.purchasing.catalog.useQuery({ search: search.trim() || undefined, supplierId: supplierId || undefined }, { placeholderData: (p) => p });
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const [reference, setReference] = useState("");
  const [withInvoice, setWithInvoice] = useState(false);
  const invoice = useSupplierInvoiceForm(new Date().toLocaleDateString("en-CA"));
  const [receivedOn, setReceivedOn] = useState("");
  const [lines, setLines] = useState<Line[]>([empty()]);
  const [names, setNames] = useState<Record<string, { id: string; name: string; sku: string; hasExpiry: boolean; lastCost: string | null }>>({});
  const receive = trpc.purchasing.receive.useMutation({
    onSuccess: (r) => {
      void utils.purchasing.invalidate();
      router.push(`/${slug}/compras/pagos/${r.payableId}?recibido=1`);
    },
  });
  const warehouses = catalog.data?.warehouses ?? [];
  const defaultWarehouse = warehouses.find((w) => w.isDefault)?.id ?? warehouses[0]?.id ?? "";
  const found = catalog.data?.products ?? [];
  const products = [...Object.values(names).filter((p) => lines.some((l) => l.productId === p.id) && !found.some((f) => f.id === p.id)), ...found];
  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const filled = lines.filter((l) => l.productId);
  const total = filled.reduce((a, l) => a.plus(amount(l)), new Decimal(0));
  const missingExpiry = filled.filter((l) => names[l.productId]?.hasExpiry && !l.expiresAt);
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
          <Input value={reference} onChange={(e) => setReference(e.target.value)} />
        </Field>
        <Field label="Fecha de recepción" hint="Vacío = hoy">
          <Input type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
        </Field>
      </div>
      <div className="max-w-sm">
        <Input placeholder="Buscar productos por nombre o SKU" aria-label="Buscar productos" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <Table
        head={
          <tr>
            <th className={th}>Producto</th>
            <th className={th}>Cantidad</th>
            <th className={th}>Costo unitario</th>
            <th className={th}>Lote</th>
            <th className={th}>Vencimiento</th>
            <th className={th}>Depósito</th>
            <th className={`${th} text-right`}>Subtotal</th>
            <th className={th} />
          </tr>
        }
      >
        {lines.map((l, i) => (
          <tr key={i}>
            <td className={td}>
              <Select
                aria-label={`Producto de la línea ${i + 1}`}
                value={l.productId}
                onChange={(e) => {
                  const p = products.find((x) => x.id === e.target.value);
                  if (p) setNames((n) => ({ ...n, [p.id]: p }));
                  setLine(i, { productId: e.target.value, unitCost: l.unitCost || (p?.lastCost ? new Decimal(p.lastCost).toFixed(2) : ""), warehouseId: l.warehouseId || defaultWarehouse });
                }}
              >
                <option value="">Elegí…</option>
                {products.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} ({p.sku})
                  </option>
                ))}
              </Select>
            </td>
            <td className={td}>
              <Input aria-label={`Cantidad de la línea ${i + 1}`} className="w-24" inputMode="decimal" value={l.quantity} onChange={(e) => setLine(i, { quantity: e.target.value })} />
            </td>
            <td className={td}>
              <Input aria-label={`Costo de la línea ${i + 1}`} className="w-28" inputMode="decimal" value={l.unitCost} onChange={(e) => setLine(i, { unitCost: e.target.value })} />
            </td>
            <td className={td}>
              <Input aria-label={`Lote de la línea ${i + 1}`} className="w-28" value={l.lotNumber} onChange={(e) => setLine(i, { lotNumber: e.target.value })} />
            </td>
            <td className={td}>
              <Input aria-label={`Vencimiento de la línea ${i + 1}`} type="date" value={l.expiresAt} onChange={(e) => setLine(i, { expiresAt: e.target.value })} />
            </td>
            <td className={td}>
              <Select aria-label={`Depósito de la línea ${i + 1}`} value={l.warehouseId || defaultWarehouse} onChange={(e) => setLine(i, { warehouseId: e.target.value })}>
                {warehouses.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </Select>
            </td>
            <td className={num}>{formatMoney(amount(l))}</td>
            <td className={td}>
              <Button type="button" variant="ghost" aria-label="Quitar línea" disabled={lines.length === 1} onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
                ✕
              </Button>
            </td>
          </tr>
        ))}
      </Table>
      <div className="space-y-3">
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" checked={withInvoice} onChange={(e) => setWithInvoice(e.target.checked)} />
          Cargar la factura recibida (IVA y percepciones: van al Libro IVA y a la cuenta a pagar)
        </label>
        {withInvoice ? <SupplierInvoiceFields form={invoice.form} setForm={invoice.setForm} /> : null}
      </div>
      <Button type="button" variant="secondary" onClick={() => setLines((ls) => [...ls, empty(defaultWarehouse)])}>
        Agregar producto
      </Button>
      {missingExpiry.length ? <Alert kind="warning">Falta el vencimiento de: {missingExpiry.map((l) => names[l.productId]?.name).join(", ")}.</Alert> : null}
      {receive.error ? <Alert>{errorMessage(receive.error)}</Alert> : null}
      <div className="flex items-center justify-between">
        <div className="text-lg font-semibold">Total a pagar {formatMoney(total)}</div>
        <Button
          busy={receive.isPending}
          disabled={!supplierId || filled.length === 0 || missingExpiry.length > 0}
          onClick={() =>
            receive.mutate({
              idempotencyKey,
              supplierId,
              reference: reference || null,
              supplierInvoice: withInvoice ? toSupplierInvoiceInput(invoice.form) : null,
              receivedOn: receivedOn || null,
              lines: filled.map((l) => ({
                productId: l.productId,
                quantity: l.quantity,
                unitCost: l.unitCost,
                lotNumber: l.lotNumber || null,
                expiresAt: l.expiresAt || null,
                warehouseId: l.warehouseId || defaultWarehouse || null,
              })),
            })
          }
        >
          Confirmar recepción
        </Button>
      </div>
    </div>
  );
}
