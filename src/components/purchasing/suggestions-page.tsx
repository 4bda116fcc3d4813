"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { trpc, errorMessage } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/field";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { formatDateTime } from "@/lib/format";
import { toInputText, toWire } from "@/lib/number";
import { readQuantity } from "@/lib/purchasing/typed-lines";
import { SuggestionRow, type Edit, type Suggestion } from "./suggestion-row";
import { Table, day, orderNumber, th } from "./common";
import { useCan } from "@/components/auth/permissions";


/** Replenishment review: edit quantities, pick presentations and suppliers, create the orders in one action. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
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
            {rows.map((s) =>
              edits[s.id] ? (
                <SuggestionRow
                  key={s.id}
                  s={s}
                  e={edits[s.id]!}
                  slug={slug}
                  canWrite={canWrite}
                  suppliers={suppliers.data ?? []}
                  cost={costOf(s, edits[s.id]!.productId)}
                  set={(patch) => set(s, patch)}
                  save={(input) => save.mutate(input)}
                  saveAndReload={(input) => save.mutate(input, { onSuccess: () => utils.purchasing.suggestions.invalidate() })}
                />
              ) : null,
            )}
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
