"use client";
import { useEffect, useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { formatDateTime, formatMoney, formatQty } from "@/lib/format";
import { parseEsAr, typedToWire } from "@/lib/number";
import { useCan } from "@/components/auth/permissions";
import { InventoryTabs, useDebounced } from "./common";

const REASONS = ["Rotura", "Pérdida", "Vencido", "Robo", "Degustación", "Otro"] as const;

/** Breakage / loss exits (issue 14 item 4): stock leaves FEFO with a reason, after a confirmation. */
// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function WriteOffPage() {
  const can = useCan();
  const utils = trpc.useUtils();
  const [search, setSearch] = useState("");
  const debounced = useDebounced(search);
  const products = trpc.inventory.products.useQuery({ search: debounced || undefined, pageSize: 20, sort: "name" });
  const warehouses = trpc.inventory.warehouses.useQuery();
  const recent = trpc.inventory.movements.useQuery({ type: "OUT", pageSize: 10 });
  const [f, setF] = useState({ productId: "", warehouseId: "", quantity: "", reason: "Rotura" as (typeof REASONS)[number], detail: "" });
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (!f.warehouseId && warehouses.data?.length) {
      const w = warehouses.data.find((x) => x.isDefault && x.active) ?? warehouses.data.find((x) => x.active);
      if (w) setF((x) => ({ ...x, warehouseId: w.id }));
    }
  }, [f.warehouseId, warehouses.data]);
  const exit = trpc.inventory.exit.useMutation({
    onSuccess: async (r) => {
      setDone(`Baja registrada. Costo de lo que salió: ${formatMoney(r.costTotal)}.`);
      setF((x) => ({ ...x, quantity: "", detail: "" }));
      await Promise.all([utils.inventory.movements.invalidate(), utils.inventory.products.invalidate()]);
    },
  });
  const errs = exit.error ? fieldErrors(exit.error) : {};
  const qty = f.quantity ? parseEsAr(f.quantity) : null;
  const qtyError = qty && !qty.ok ? qty.message : qty?.ok && !qty.value.gt(0) ? "La cantidad debe ser mayor que cero" : undefined;
  const product = products.data?.rows.find((p) => p.id === f.productId);
  const reference = (f.detail.trim() ? `${f.reason}: ${f.detail.trim()}` : f.reason).slice(0, 120);
  const ready = f.productId && f.warehouseId && qty?.ok && !qtyError;
  if (!can("stock.exit")) return <EmptyState title="Tu rol no puede registrar bajas de stock" />;
  return (
    <div>
      <PageHeader title="Bajas por rotura o pérdida" description="Lo que se rompió, se perdió o venció sale del stock con su motivo; el costo sale de los lotes que se consumen (primero los que vencen antes)." />
      <InventoryTabs />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title="Registrar una baja">
          <form
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              setDone(null);
              if (ready) setConfirming(true);
            }}
          >
            <Field label="Buscar producto" hint="Nombre, SKU o código de barras">
              <Input value={search} maxLength={100} onChange={(e) => setSearch(e.target.value)} type="search" />
            </Field>
            <Field label="Producto" error={errs.productId}>
              <Select value={f.productId} onChange={(e) => setF({ ...f, productId: e.target.value })} invalid={!!errs.productId}>
                <option value="">{products.isLoading ? "Cargando productos…" : "Elegí el producto"}</option>
                {products.data?.rows
                  .filter((p) => !p.isService)
                  .map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({formatQty(p.stock)} en stock)
                    </option>
                  ))}
              </Select>
            </Field>
            <Field label="Depósito" error={errs.warehouseId}>
              <Select value={f.warehouseId} onChange={(e) => setF({ ...f, warehouseId: e.target.value })}>
                {warehouses.data
                  ?.filter((w) => w.active)
                  .map((w) => (
                    <option key={w.id} value={w.id}>
                      {w.name}
                    </option>
                  ))}
              </Select>
            </Field>
            <Field label="Cantidad" error={qtyError ?? errs.quantity}>
              <Input inputMode="decimal" value={f.quantity} onChange={(e) => setF({ ...f, quantity: e.target.value })} invalid={!!(qtyError ?? errs.quantity)} />
            </Field>
            <Field label="Motivo" error={errs.reference}>
              <Select value={f.reason} onChange={(e) => setF({ ...f, reason: e.target.value as typeof f.reason })}>
                {REASONS.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Detalle (opcional)" hint="Por ejemplo: «se cayó la caja en el depósito»">
              <Input value={f.detail} maxLength={100} onChange={(e) => setF({ ...f, detail: e.target.value })} />
            </Field>
            {exit.error && !Object.keys(errs).length ? <Alert>{errorMessage(exit.error)}</Alert> : null}
            {done ? <Alert kind="success">{done}</Alert> : null}
            <div className="flex justify-end">
              <Button type="submit" variant="danger" disabled={!ready} busy={exit.isPending}>
                Dar de baja
              </Button>
            </div>
          </form>
        </Card>
        <Card title="Últimas bajas">
          {recent.isLoading ? <div className="h-24 animate-pulse rounded bg-slate-100" /> : null}
          {recent.data?.rows.length === 0 ? <p className="text-sm text-slate-600">Todavía no hay bajas registradas.</p> : null}
          <ul className="divide-y divide-slate-100 text-sm">
            {recent.data?.rows.map((m) => (
              <li key={m.id} className="py-2">
                <div className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium">{m.productName}</span>
                  <span>{formatQty(m.quantity)}</span>
                </div>
                <div className="text-xs text-slate-600">
                  {m.reference ?? "Sin motivo"} · {m.warehouseName} · {formatDateTime(m.createdAt)}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`¿Dar de baja ${f.quantity} de «${product?.name ?? ""}»?`}
        description={`Motivo: ${reference}. Sale del stock y no se puede deshacer (se corrige con un ingreso).`}
        confirmLabel="Dar de baja"
        busy={exit.isPending}
        onConfirm={() => {
          setConfirming(false);
          exit.mutate({ productId: f.productId, warehouseId: f.warehouseId, quantity: typedToWire(f.quantity), reference });
        }}
      />
    </div>
  );
}
