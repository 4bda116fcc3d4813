"use client";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { formatQty } from "@/lib/format";
import { dec } from "@/lib/decimal";
import { typedToWire } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { BASE_UNIT_LABELS, InventoryTabs } from "./common";
import { useCan } from "@/components/auth/permissions";
import { EditFamilyDialog, RowActions } from "./catalog-edit-dialogs";

import { SimpleForm } from "./simple-form-dialog";

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
export function FamiliesPage() {
  const can = useCan();
  const utils = trpc.useUtils();
  const families = trpc.inventory.families.useQuery();
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({ name: "", baseUnit: "g" as "g" | "ml" | "unit", targetStock: "" });
  const create = trpc.inventory.createFamily.useMutation({
    onSuccess: async () => {
      await utils.inventory.families.invalidate();
      setOpen(false);
      setF({ name: "", baseUnit: "g", targetStock: "" });
    },
  });
  const errs = create.error ? fieldErrors(create.error) : {};
  const [editing, setEditing] = useState<NonNullable<typeof families.data>[number] | null>(null);
  const setActive = trpc.inventory.updateFamily.useMutation({ onSuccess: () => utils.inventory.families.invalidate() });
  return (
    <div>
      <PageHeader
        title="Familias de productos"
        description="Un mismo producto en distintos tamaños, comparado en su unidad base (p. ej. cacao de 400 g, 900 g y 2,5 kg en gramos)."
        actions={can("catalog.write") ? <Button onClick={() => setOpen(true)}>Nueva familia</Button> : null}
      />
      <InventoryTabs />
      {families.error ? <Alert>{errorMessage(families.error)}</Alert> : null}
      {families.data?.length === 0 ? <EmptyState title="No hay familias">Creá una y asignale productos con su factor de conversión desde la ficha del producto.</EmptyState> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {families.data?.map((fam) => {
          const unit = BASE_UNIT_LABELS[fam.baseUnit];
          const target = dec(fam.targetStock);
          const pct = target.gt(0) ? Math.min(100, dec(fam.stockBase).div(target).times(100).toNumber()) : 0;
          return (
            <Card key={fam.id} title={fam.name}>
              {fam.active ? null : <p className="mb-1 text-xs font-medium uppercase text-slate-600">Inactiva: fuera de las sugerencias de compra</p>}
              <p className="text-2xl font-semibold">
                {formatQty(fam.stockBase)} {unit}
              </p>
              {target.gt(0) ? (
                <>
                  <p className="text-sm text-slate-600">
                    Objetivo {formatQty(fam.targetStock)} {unit}
                  </p>
                  <div className="mt-2 h-2 rounded bg-slate-100" role="progressbar" aria-label={`Stock de ${fam.name} sobre el objetivo`} aria-valuenow={Math.round(pct)} aria-valuemin={0} aria-valuemax={100}>
                    <div className={`h-2 rounded ${pct < 50 ? "bg-amber-500" : "bg-teal-600"}`} style={{ width: `${pct}%` }} />
                  </div>
                </>
              ) : null}
              <ul className="mt-3 space-y-1 text-sm">
                {fam.members.map((m) => (
                  <li key={m.id} className="flex justify-between">
                    <span>
                      {m.name} <span className="text-slate-500">(× {formatQty(m.factor)} {unit})</span>
                    </span>
                    <span className="font-medium">{formatQty(m.stock)}</span>
                  </li>
                ))}
                {fam.members.length === 0 ? <li className="text-slate-500">Sin productos todavía.</li> : null}
              </ul>
              {can("catalog.write") ? (
                <div className="mt-2">
                  <RowActions
                    name={fam.name}
                    active={fam.active}
                    busy={setActive.isPending && setActive.variables?.id === fam.id}
                    onEdit={() => setEditing(fam)}
                    onSetActive={(active) => setActive.mutate({ id: fam.id, name: fam.name, baseUnit: fam.baseUnit, targetStock: fam.targetStock, active })}
                  />
                </div>
              ) : null}
            </Card>
          );
        })}
      </div>
      <SimpleForm title="Nueva familia" open={open} onOpenChange={setOpen} pending={create.isPending} error={create.error} onSubmit={() => create.mutate({ ...f, targetStock: typedToWire(f.targetStock) })}>
        <Field label="Nombre" error={errs.name}>
          <Input value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} invalid={!!errs.name} />
        </Field>
        <Field label="Unidad base" error={errs.baseUnit}>
          <Select value={f.baseUnit} onChange={(e) => setF({ ...f, baseUnit: e.target.value as typeof f.baseUnit })}>
            <option value="g">Gramos (g)</option>
            <option value="ml">Mililitros (ml)</option>
            <option value="unit">Unidades</option>
          </Select>
        </Field>
        <Field label="Stock objetivo (en unidad base)" error={errs.targetStock}>
          <NumberInput kind="quantity" label="Stock objetivo" value={f.targetStock} onValueChange={(targetStock) => setF((x) => ({ ...x, targetStock }))} invalid={!!errs.targetStock} />
        </Field>
      </SimpleForm>
      {setActive.error ? <Alert>{errorMessage(setActive.error)}</Alert> : null}
      {editing ? <EditFamilyDialog family={editing} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
