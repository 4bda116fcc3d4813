"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { trpc, errorMessage, type RouterOutputs } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert, Select } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { formatDateTime, formatMoney, formatQty } from "@/lib/format";
import { Decimal } from "@/lib/decimal";
import { toInputText, toWire } from "@/lib/number";
import { lineSubtotal, readQuantity } from "@/lib/purchasing/typed-lines";
import { NumberCell } from "./number-cell";
import { Table, day, num, orderNumber, td, th } from "./common";
import { useCan } from "@/components/auth/permissions";
import { unitWord } from "@/lib/plural";

type Suggestion = RouterOutputs["purchasing"]["suggestions"]["rows"][number];
type Edit = { selected: boolean; productId: string; quantity: string; supplierId: string };

/** "4 botellas", "1 bidón", "3,5 kg": the unit agreeing with the quantity. */
const unitLabel = (u: string, quantity: string) => unitWord(quantity, u === "unit" ? "u" : u);

/** Replenishment review: edit quantities, pick presentations and suppliers, create the orders in one action. */
export function SuggestionsPage({ slug }: { slug: string }) {
  const utils = trpc.useUtils();
  const canWrite = useCan()("purchasing.write");
  // After "recalcular" the run happens in the background: poll for a few seconds.
  const [pollUntil, setPollUntil] = useState(0);
  const q = trpc.purchasing.suggestions.useQuery(undefined, { refetchInterval: () => (Date.now() < pollUntil ? 2000 : false) });
  const suppliers = trpc.purchasing.suppliers.useQuery();
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [created, setCreated] = useState<{ id: string; number: number; supplierId: string }[] | null>(null);
  const [unreadable, setUnreadable] = useState<string[]>([]);

  useEffect(() => {
    if (!q.data) return;
    setEdits((prev) => {
      const next: Record<string, Edit> = {};
      for (const s of q.data.rows) {
        next[s.id] = prev[s.id] ?? { selected: s.status === "PENDING" && !!s.supplierId, productId: s.productId ?? "", quantity: toInputText(s.quantity, 3), supplierId: s.supplierId ?? "" };
      }
      return next;
    });
  }, [q.data]);

  const recompute = trpc.purchasing.requestRecompute.useMutation({
    onSuccess: () => {
      setEdits({});
      setPollUntil(Date.now() + 12_000);
      void utils.purchasing.suggestions.invalidate();
    },
  });
  const save = trpc.purchasing.updateSuggestion.useMutation();
  const convert = trpc.purchasing.convertSuggestions.useMutation({
    onSuccess: (r) => {
      setCreated(r.orders);
      void utils.purchasing.invalidate();
    },
  });

  const rows = q.data?.rows ?? [];
  const pending = rows.filter((r) => r.status === "PENDING");
  const selected = pending.filter((r) => edits[r.id]?.selected);
  const missingSupplier = selected.filter((r) => !edits[r.id]?.supplierId);
  const supplierCount = new Set(selected.map((r) => edits[r.id]!.supplierId)).size;
  const set = (s: Suggestion, patch: Partial<Edit>) => {
    setEdits((e) => ({ ...e, [s.id]: { ...e[s.id]!, ...patch } }));
  };
  const costOf = (s: Suggestion, productId: string) =>
    s.familyId ? (s.options.find((o) => o.productId === productId)?.lastUnitCost ?? null) : s.unitCost;

  return (
    <div>
      <PageHeader
        title="Sugerencias de reposición"
        description={
          q.data?.run
            ? `Calculadas el ${day(q.data.run.runOn)} (${formatDateTime(q.data.run.computedAt)}). Se recalculan solas cada mañana; lo pedido y no recibido ya se descuenta.`
            : "Se calculan cada mañana: productos bajo el mínimo y familias bajo su objetivo."
        }
        actions={
          canWrite ? (
            <Button variant="secondary" busy={recompute.isPending} onClick={() => recompute.mutate()}>
              Recalcular ahora
            </Button>
          ) : null
        }
      />
      {q.error ? <Alert>{errorMessage(q.error)}</Alert> : null}
      {recompute.error ? <Alert>{errorMessage(recompute.error)}</Alert> : null}
      {created ? (
        <div className="mb-4">
          <Alert kind="success">
            {created.length === 1 ? "Se creó la orden " : "Se crearon las órdenes "}
            {created.map((o, i) => (
              <span key={o.id}>
                {i ? ", " : ""}
                <Link className="font-medium underline" href={`/${slug}/compras/ordenes/${o.id}`}>
                  {orderNumber(o.number)}
                </Link>
              </span>
            ))}{" "}
            en borrador. Revisalas y enviáselas al proveedor.
          </Alert>
        </div>
      ) : null}
      {q.data && rows.length === 0 ? (
        <EmptyState
          title={q.data.run ? "No hay nada para reponer" : "Todavía no se calcularon sugerencias"}
          action={canWrite && !q.data.run ? <Button onClick={() => recompute.mutate()}>Calcular ahora</Button> : null}
        >
          Se sugiere comprar cuando un producto baja de su stock mínimo o una familia queda bajo su objetivo.
        </EmptyState>
      ) : (
        <>
          {canWrite && pending.length ? (
            <div className="mb-2 flex gap-2 text-sm">
              <span className="text-slate-600">Elegir:</span>
              <button className="text-teal-800 hover:underline" onClick={() => setEdits((e) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k, { ...v, selected: true }])))}>
                todas
              </button>
              <button className="text-teal-800 hover:underline" onClick={() => setEdits((e) => Object.fromEntries(Object.entries(e).map(([k, v]) => [k, { ...v, selected: false }])))}>
                ninguna
              </button>
            </div>
          ) : null}
          <Table
            head={
              <tr>
                <th className={th}>
                  <span className="sr-only">Elegir</span>
                </th>
                <th className={th}>Producto / familia y presentación</th>
                <th className={`${th} text-right`}>Stock</th>
                <th className={`${th} text-right`}>En camino</th>
                <th className={`${th} text-right`}>Falta</th>
                <th className={th}>Cantidad</th>
                <th className={th}>Proveedor</th>
                <th className={`${th} text-right`}>Costo est.</th>
              </tr>
            }
          >
            {rows.map((s) => {
              const e = edits[s.id];
              if (!e) return null;
              const done = s.status !== "PENDING";
              const cost = costOf(s, e.productId);
              const subtotal = cost ? lineSubtotal(e.quantity, toInputText(cost, 4)) : null;
              return (
                <tr key={s.id} className={done ? "bg-slate-50 text-slate-500" : ""} data-testid={`suggestion-${s.label}`}>
                  <td className={td}>
                    <input
                      type="checkbox"
                      aria-label={`Elegir ${s.label}`}
                      checked={!done && e.selected}
                      disabled={done || !canWrite}
                      onChange={(ev) => set(s, { selected: ev.target.checked })}
                    />
                  </td>
                  <td className="px-3 py-2 text-slate-800">
                    <div className="font-medium">{s.label}</div>
                    <div className="text-xs text-slate-600">{s.summary}</div>
                    {/* A family is bought in one of its presentations: chosen here, under its name (one column less keeps the table a table on a laptop). */}
                    {s.familyId ? (
                      <Select
                        aria-label={`Presentación de ${s.label}`}
                        className="mt-1"
                        value={e.productId}
                        disabled={done || !canWrite}
                        onChange={(ev) => {
                          const opt = s.options.find((o) => o.productId === ev.target.value)!;
                          set(s, { productId: opt.productId, quantity: toInputText(opt.packs, 3), supplierId: e.supplierId || opt.supplierId || "" });
                          save.mutate({ id: s.id, productId: opt.productId, quantity: toWire(opt.packs) });
                        }}
                      >
                        {s.options.map((o) => (
                          <option key={o.productId} value={o.productId}>
                            {o.name} ({formatQty(o.packs)} u.)
                          </option>
                        ))}
                      </Select>
                    ) : null}
                    {s.status === "ORDERED" && s.orderId ? (
                      <Link className="text-xs text-teal-800 underline" href={`/${slug}/compras/ordenes/${s.orderId}`}>
                        Pedido en {orderNumber(s.orderNumber ?? 0)}
                      </Link>
                    ) : s.status === "DISMISSED" ? (
                      <span className="text-xs">
                        Descartada ·{" "}
                        {canWrite ? (
                          <button className="text-teal-800 underline" onClick={() => save.mutate({ id: s.id, dismissed: false }, { onSuccess: () => utils.purchasing.suggestions.invalidate() })}>
                            restaurar
                          </button>
                        ) : null}
                      </span>
                    ) : canWrite ? (
                      <button
                        className="text-xs text-slate-500 underline hover:text-slate-800"
                        onClick={() => save.mutate({ id: s.id, dismissed: true }, { onSuccess: () => utils.purchasing.suggestions.invalidate() })}
                      >
                        Descartar
                      </button>
                    ) : null}
                  </td>
                  <td className={num}>
                    {formatQty(s.stock)} {unitLabel(s.unit, s.stock)}
                  </td>
                  <td className={num}>{new Decimal(s.onOrder).gt(0) ? `${formatQty(s.onOrder)} ${unitLabel(s.unit, s.onOrder)}` : "—"}</td>
                  <td className={num}>
                    {formatQty(s.need)} {unitLabel(s.unit, s.need)}
                  </td>
                  <td className={td}>
                    <NumberCell
                      label={`Cantidad de ${s.label}`}
                      className="w-24"
                      maxDecimals={3}
                      value={e.quantity}
                      read={readQuantity}
                      disabled={done || !canWrite}
                      onChange={(v) => set(s, { quantity: v })}
                      onCommit={(wire) => save.mutate({ id: s.id, quantity: wire })}
                    />
                  </td>
                  <td className={td}>
                    <Select
                      aria-label={`Proveedor de ${s.label}`}
                      value={e.supplierId}
                      disabled={done || !canWrite}
                      invalid={e.selected && !done && !e.supplierId}
                      onChange={(ev) => {
                        set(s, { supplierId: ev.target.value, selected: e.selected || !!ev.target.value });
                        save.mutate({ id: s.id, supplierId: ev.target.value || null });
                      }}
                    >
                      <option value="">Elegí…</option>
                      {(suppliers.data ?? []).map((x) => (
                        <option key={x.id} value={x.id}>
                          {x.name}
                        </option>
                      ))}
                    </Select>
                  </td>
                  <td className={num}>{subtotal ? formatMoney(subtotal) : "—"}</td>
                </tr>
              );
            })}
          </Table>
          {canWrite && pending.length ? (
            <div className="mt-4 flex flex-wrap items-center justify-end gap-3">
              {missingSupplier.length ? <span className="text-sm text-red-700">Elegí el proveedor de: {missingSupplier.map((s) => s.label).join(", ")}</span> : null}
              {unreadable.length ? <span role="alert" className="text-sm text-red-700">{unreadable.join(" · ")}</span> : null}
              {convert.error ? <span className="text-sm text-red-700">{errorMessage(convert.error)}</span> : null}
              <Button
                busy={convert.isPending}
                disabled={selected.length === 0 || missingSupplier.length > 0}
                onClick={() => {
                  const messages: string[] = [];
                  const items = selected.map((s) => {
                    const e = edits[s.id]!;
                    const cost = costOf(s, e.productId);
                    const q = readQuantity(e.quantity, `${s.label} · cantidad`);
                    if (!q.ok) messages.push(q.message);
                    return { suggestionId: s.id, productId: e.productId, quantity: q.ok ? toWire(q.value) : e.quantity, supplierId: e.supplierId, ...(cost ? { unitCost: cost } : {}) };
                  });
                  setUnreadable(messages);
                  if (!messages.length) convert.mutate({ items });
                }}
              >
                Crear órdenes de compra{selected.length ? ` (${supplierCount} ${supplierCount === 1 ? "proveedor" : "proveedores"})` : ""}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
