"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page";
import { formatMoney } from "@/lib/format";
import { toInputText } from "@/lib/number";
import { linesTotal, readLines } from "@/lib/purchasing/typed-lines";
import { PurchaseLinesEditor, emptyPurchaseLine, type PurchaseLine } from "./purchase-lines-editor";

/** New order (or edit of a draft): supplier, optional delivery date, product lines. */
// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
export function OrderForm({ slug, orderId }: { slug: string; orderId?: string }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const suppliers = trpc.purchasing.suppliers.useQuery();
  const [supplierId, setSupplierId] = useState("");
  const existing = trpc.purchasing.order.useQuery({ id: orderId ?? "" }, { enabled: !!orderId });
  const [loaded, setLoaded] = useState(!orderId);
  const [expectedAt, setExpectedAt] = useState("");
  const [notes, setNotes] = useState("");
  const [lines, setLines] = useState<PurchaseLine[]>([emptyPurchaseLine("1")]);
  const [unreadable, setUnreadable] = useState<string[]>([]);
  if (!loaded && existing.data) {
    setSupplierId(existing.data.supplierId);
    setExpectedAt(existing.data.expectedAt ?? "");
    setNotes(existing.data.notes ?? "");
    // Stored decimals ("10.000" = ten units on the wire) shown as es-AR text ("10").
    setLines(
      existing.data.lines.map((l) => ({
        ...emptyPurchaseLine(),
        productId: l.productId,
        productName: l.productName,
        sku: l.sku,
        hasExpiry: l.hasExpiry,
        quantity: toInputText(l.quantity, 3),
        unitCost: toInputText(l.unitCost, 4),
      })),
    );
    setLoaded(true);
  }
  const onDone = (id: string) => {
    void utils.purchasing.orders.invalidate();
    void utils.purchasing.order.invalidate();
    router.push(`/${slug}/compras/ordenes/${id}`);
  };
  const create = trpc.purchasing.createOrder.useMutation({ onSuccess: (r) => onDone(r.id) });
  const update = trpc.purchasing.updateOrder.useMutation({ onSuccess: (r) => onDone(r.id) });
  const m = orderId ? update : create;
  const errs = fieldErrors(m.error);
  const chosen = lines.filter((l) => l.productId);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const read = readLines(chosen, (l) => l.productName || "Línea");
    setUnreadable(read.ok ? [] : read.messages);
    if (!read.ok) return;
    const data = {
      supplierId,
      expectedAt: expectedAt || null,
      notes: notes || null,
      lines: read.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitCost: l.unitCost })),
    };
    if (orderId) update.mutate({ id: orderId, data });
    else create.mutate(data);
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <PageHeader title={orderId ? "Editar orden (borrador)" : "Nueva orden de compra"} />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label="Proveedor" error={errs.supplierId}>
          <Select value={supplierId} onChange={(e) => setSupplierId(e.target.value)} invalid={!!errs.supplierId}>
            <option value="">Elegí un proveedor…</option>
            {(suppliers.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Entrega esperada">
          <Input type="date" value={expectedAt} onChange={(e) => setExpectedAt(e.target.value)} />
        </Field>
        <Field label="Notas">
          <Input value={notes} maxLength={1000} onChange={(e) => setNotes(e.target.value)} />
        </Field>
      </div>
      <PurchaseLinesEditor supplierId={supplierId} lines={lines} onChange={setLines} newLineQuantity="1" />
      <div className="text-right text-lg font-semibold">Total {formatMoney(linesTotal(chosen))}</div>
      {unreadable.length ? (
        <Alert>
          <ul>
            {unreadable.map((msg) => (
              <li key={msg}>{msg}</li>
            ))}
          </ul>
        </Alert>
      ) : m.error ? (
        <Alert>{errs.lines?.[0] ?? errorMessage(m.error)}</Alert>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancelar
        </Button>
        <Button type="submit" busy={m.isPending}>
          Guardar borrador
        </Button>
      </div>
    </form>
  );
}
