"use client";
import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { formatDate, formatMoney } from "@/lib/format";
import { Decimal } from "@/lib/decimal";
import { ORDER_STATUS_LABELS, OrderStatusBadge, Table, day, num, orderNumber, td, th } from "./common";
import { useCan } from "@/components/auth/permissions";

type Status = keyof typeof ORDER_STATUS_LABELS;

export function OrdersPage({ slug }: { slug: string }) {
  const [status, setStatus] = useState<Status | "">("");
  const canWrite = useCan()("purchasing.write");
  const q = trpc.purchasing.orders.useQuery(status ? { status } : undefined);
  return (
    <div>
      <PageHeader
        title="Órdenes de compra"
        description="Borrador → enviada → recibida (total o parcial). Al recibir se crean los lotes y la cuenta a pagar."
        actions={
          canWrite ? (
            <>
              <Link href={`/${slug}/compras/recepciones/nueva`} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50">
                Recepción sin orden
              </Link>
              <Link href={`/${slug}/compras/ordenes/nueva`} className="rounded-md bg-teal-700 px-4 py-2 text-sm font-medium text-white hover:bg-teal-800">
                Nueva orden
              </Link>
            </>
          ) : null
        }
      />
      <div className="mb-3 max-w-xs">
        <Select value={status} onChange={(e) => setStatus(e.target.value as Status | "")} aria-label="Filtrar por estado">
          <option value="">Todos los estados</option>
          {Object.entries(ORDER_STATUS_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </Select>
      </div>
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {q.data && q.data.length === 0 && !status ? (
        <EmptyState title="No hay órdenes de compra">Creá una orden nueva o convertí las sugerencias de reposición en órdenes.</EmptyState>
      ) : (
        <Table
          head={
            <tr>
              <th className={th}>Número</th>
              <th className={th}>Proveedor</th>
              <th className={th}>Estado</th>
              <th className={th}>Creada</th>
              <th className={th}>Entrega</th>
              <th className={`${th} text-right`}>Ítems</th>
              <th className={`${th} text-right`}>Total</th>
            </tr>
          }
          empty={q.data?.length === 0 ? "No hay órdenes en ese estado." : undefined}
        >
          {(q.data ?? []).map((o) => (
            <tr key={o.id}>
              <td className={td}>
                <Link className="font-medium text-teal-800 hover:underline" href={`/${slug}/compras/ordenes/${o.id}`}>
                  {orderNumber(o.number)}
                </Link>
              </td>
              <td className={td}>{o.supplierName}</td>
              <td className={td}>
                <OrderStatusBadge status={o.status} />
              </td>
              <td className={td}>{formatDate(o.createdAt)}</td>
              <td className={td}>{day(o.expectedAt)}</td>
              <td className={num}>{o.lines}</td>
              <td className={num}>{formatMoney(o.total)}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}

type Line = { productId: string; quantity: string; unitCost: string };

/** New order (or edit of a draft): supplier, optional delivery date, product lines. */
export function OrderForm({ slug, orderId }: { slug: string; orderId?: string }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const suppliers = trpc.purchasing.suppliers.useQuery();
  const [supplierId, setSupplierId] = useState("");
  const [search, setSearch] = useState("");
  const catalog = trpc.purchasing.catalog.useQuery({ search: search.trim() || undefined, supplierId: supplierId || undefined }, { placeholderData: (prev) => prev });
  // Products already on the lines stay selectable while the search shows others.
  const [known, setKnown] = useState<Record<string, { id: string; name: string; sku: string; lastCost: string | null }>>({});
  const existing = trpc.purchasing.order.useQuery({ id: orderId ?? "" }, { enabled: !!orderId });
  const [loaded, setLoaded] = useState(!orderId);
  const [expectedAt, setExpectedAt] = useState("");
  const [notes, setNotes] = useState("");
  const [lines, setLines] = useState<Line[]>([{ productId: "", quantity: "1", unitCost: "" }]);
  if (!loaded && existing.data) {
    setSupplierId(existing.data.supplierId);
    setExpectedAt(existing.data.expectedAt ?? "");
    setNotes(existing.data.notes ?? "");
    setLines(existing.data.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitCost: l.unitCost })));
    setKnown(Object.fromEntries(existing.data.lines.map((l) => [l.productId, { id: l.productId, name: l.productName, sku: l.sku, lastCost: null }])));
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
  const found = catalog.data?.products ?? [];
  const chosen = lines.map((l) => known[l.productId]).filter((p): p is NonNullable<typeof p> => !!p && !found.some((f) => f.id === p.id));
  const products = [...chosen, ...found];
  const total = lines.reduce((a, l) => {
    try {
      return a.plus(new Decimal(l.quantity || 0).times(l.unitCost.replace(",", ".") || 0));
    } catch {
      return a;
    }
  }, new Decimal(0));
  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const data = { supplierId, expectedAt: expectedAt || null, notes: notes || null, lines: lines.filter((l) => l.productId) };
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
          <Input value={notes} onChange={(e) => setNotes(e.target.value)} />
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
                  if (p) setKnown((k) => ({ ...k, [p.id]: p }));
                  setLine(i, { productId: e.target.value, unitCost: l.unitCost || (p?.lastCost ? new Decimal(p.lastCost).toFixed(2) : "") });
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
              <Input aria-label={`Cantidad de la línea ${i + 1}`} className="w-28" inputMode="decimal" value={l.quantity} onChange={(e) => setLine(i, { quantity: e.target.value })} />
            </td>
            <td className={td}>
              <Input aria-label={`Costo de la línea ${i + 1}`} className="w-32" inputMode="decimal" value={l.unitCost} onChange={(e) => setLine(i, { unitCost: e.target.value })} />
            </td>
            <td className={num}>
              {(() => {
                try {
                  return formatMoney(new Decimal(l.quantity || 0).times(l.unitCost.replace(",", ".") || 0));
                } catch {
                  return "—";
                }
              })()}
            </td>
            <td className={td}>
              <Button type="button" variant="ghost" aria-label="Quitar línea" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))} disabled={lines.length === 1}>
                ✕
              </Button>
            </td>
          </tr>
        ))}
      </Table>
      <div className="flex items-center justify-between">
        <Button type="button" variant="secondary" onClick={() => setLines((ls) => [...ls, { productId: "", quantity: "1", unitCost: "" }])}>
          Agregar producto
        </Button>
        <div className="text-lg font-semibold">Total {formatMoney(total)}</div>
      </div>
      {m.error ? <Alert>{errs.lines?.[0] ?? errorMessage(m.error)}</Alert> : null}
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
