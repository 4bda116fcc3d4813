"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { EmptyState, PageHeader, Card } from "@/components/ui/page";
import { formatWhen } from "@/lib/counts/when";
import { parseEsAr, toWire } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { useCan } from "@/components/auth/permissions";

const TONE: Record<string, string> = {
  OPEN: "bg-sky-100 text-sky-800",
  COUNTING: "bg-amber-100 text-amber-900",
  REVIEW: "bg-violet-100 text-violet-800",
  APPLIED: "bg-emerald-100 text-emerald-800",
  CANCELLED: "bg-slate-100 text-slate-600",
};
export function CountStatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`inline-block self-center rounded-full px-2 py-0.5 text-xs font-medium ${TONE[status] ?? ""}`}>{label}</span>;
}

/** Counts: what a counter can work on now, and (for managers) every count with its state. */
export function CountsPage({ slug }: { slug: string }) {
  const canManage = useCan()("counts.apply");
  const mine = trpc.counts.mine.useQuery();
  const all = trpc.counts.list.useQuery(undefined, { enabled: canManage });
  const [creating, setCreating] = useState(false);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Conteos de stock"
        description="Conteos ciegos por depósito: se cuenta sin ver el stock del sistema y se sigue vendiendo mientras tanto."
        actions={canManage ? <Button onClick={() => setCreating(true)}>Nuevo conteo</Button> : null}
      />
      <Card title="Para contar ahora">
        {mine.isLoading ? <div role="status" className="h-16 animate-pulse rounded bg-slate-100" aria-label="Cargando" /> : null}
        {mine.error ? <Alert>{errorMessage(mine.error)}</Alert> : null}
        {mine.data?.length === 0 ? <p className="text-sm text-slate-600">No hay conteos abiertos. Cuando el encargado abra uno, aparece acá.</p> : null}
        <ul className="space-y-2">
          {(mine.data ?? []).map((c) => (
            <li key={c.id}>
              <Link
                href={`/${slug}/conteos/${c.id}/contar`}
                className="flex min-h-14 items-center justify-between gap-3 rounded-lg border border-slate-300 bg-white p-3 hover:bg-slate-50"
              >
                <span className="min-w-0">
                  <span className="block truncate font-medium text-slate-900">{c.name}</span>
                  <span className="block text-xs text-slate-600">
                    {c.warehouseName}
                    {c.myZones.length ? ` · tus zonas: ${c.myZones.join(", ")}` : ""}
                    {c.recounts ? ` · ${c.recounts} para recontar` : ""}
                  </span>
                </span>
                <span className="shrink-0 text-sm font-medium text-teal-800">Contar →</span>
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      {canManage ? (
        <Card title="Todos los conteos">
          {all.isLoading ? <div role="status" className="h-24 animate-pulse rounded bg-slate-100" aria-label="Cargando" /> : null}
          {all.data?.length === 0 ? (
            <EmptyState title="Todavía no hiciste conteos" action={<Button onClick={() => setCreating(true)}>Crear el primero</Button>}>
              Elegí un depósito (todo, algunas categorías o una lista de productos) y repartí zonas entre quienes cuentan.
            </EmptyState>
          ) : null}
          <ul className="divide-y divide-slate-200">
            {(all.data ?? []).map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div className="min-w-0">
                  <Link href={`/${slug}/conteos/${c.id}`} className="font-medium text-teal-800 hover:underline">
                    {c.name}
                  </Link>
                  <p className="text-xs text-slate-600">
                    {c.warehouseName} · {c.scope} · {formatWhen(c.createdAt).slice(0, 10)} · {c.entries} cargas de {c.counters} personas
                  </p>
                </div>
                <CountStatusBadge status={c.status} label={c.statusLabel} />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {creating ? <CreateCountDialog slug={slug} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}

// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
function CreateCountDialog({ slug, onClose }: { slug: string; onClose: () => void }) {
  const router = useRouter();
  const warehouses = trpc.inventory.warehouses.useQuery();
  const categories = trpc.inventory.categories.useQuery();
  const create = trpc.counts.create.useMutation();
  const [form, setForm] = useState({ name: "", warehouseId: "", categoryId: "", zones: "", thresholdPct: "10", thresholdMoney: "" });
  const errs = fieldErrors(create.error);
  const [localError, setLocalError] = useState<string | null>(null);
  const warehouseId = form.warehouseId || warehouses.data?.find((w) => w.isDefault)?.id || warehouses.data?.[0]?.id || "";
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const threshold = (text: string, label: string) => {
      if (!text.trim()) return null;
      const r = parseEsAr(text, { label, maxScale: 2 });
      if (!r.ok) throw new Error(r.message);
      return toWire(r.value);
    };
    let thresholdPct: string | null;
    let thresholdMoney: string | null;
    try {
      thresholdPct = threshold(form.thresholdPct, "Umbral %");
      thresholdMoney = threshold(form.thresholdMoney, "Umbral en pesos");
      setLocalError(null);
    } catch (err) {
      setLocalError((err as Error).message);
      return;
    }
    try {
      const r = await create.mutateAsync({
        name: form.name,
        warehouseId,
        categoryIds: form.categoryId ? [form.categoryId] : [],
        zones: form.zones
          .split(/\n|;/)
          .map((z) => z.trim())
          .filter(Boolean)
          .map((name) => ({ name })),
        thresholdPct,
        thresholdMoney,
      });
      router.push(`/${slug}/conteos/${r.id}`);
    } catch {
      /* shown below */
    }
  }
  return (
    <Dialog open onOpenChange={(o) => (o ? null : onClose())} title="Nuevo conteo" description="Se puede seguir vendiendo mientras se cuenta.">
      <form onSubmit={submit} className="space-y-3">
        <Field label="Nombre" error={errs.name}>
          <Input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} placeholder="Conteo de fin de mes" maxLength={80} required />
        </Field>
        <Field label="Depósito" error={errs.warehouseId}>
          <Select value={warehouseId} onChange={(e) => setForm({ ...form, warehouseId: e.target.value })}>
            {(warehouses.data ?? []).map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Categoría (opcional)" error={errs.categoryIds} hint="Vacío: todo el depósito. Incluye sus subcategorías.">
          <Select value={form.categoryId} onChange={(e) => setForm({ ...form, categoryId: e.target.value })}>
            <option value="">Todo el depósito</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Zonas (opcional)" error={errs.zones} hint="Una por línea: góndolas, pasillos, estantes.">
          <textarea
            className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            rows={3}
            value={form.zones}
            onChange={(e) => setForm({ ...form, zones: e.target.value })}
            aria-label="Zonas"
          />
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Reconteo si difiere más de (%)" error={errs.thresholdPct}>
            <NumberInput kind="percent" label="Umbral %" value={form.thresholdPct} onValueChange={(thresholdPct) => setForm((f) => ({ ...f, thresholdPct }))} />
          </Field>
          <Field label="…o más de ($ al costo)" error={errs.thresholdMoney}>
            <NumberInput kind="money" label="Umbral en pesos" value={form.thresholdMoney} onValueChange={(thresholdMoney) => setForm((f) => ({ ...f, thresholdMoney }))} />
          </Field>
        </div>
        {localError ? <Alert>{localError}</Alert> : null}
        {create.error && !Object.keys(errs).length ? <Alert>{errorMessage(create.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancelar
          </Button>
          <Button type="submit" busy={create.isPending}>
            Crear conteo
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
