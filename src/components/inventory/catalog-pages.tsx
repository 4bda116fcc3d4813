"use client";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Card, EmptyState, PageHeader } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { formatMoney, formatQty } from "@/lib/format";
import { dec } from "@/lib/decimal";
import { typedToWire } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { BASE_UNIT_LABELS, InventoryTabs } from "./common";
import { useCan } from "@/components/auth/permissions";
import { EditCategoryDialog, EditFamilyDialog, EditPackDialog, RenameWarehouseDialog, RowActions } from "./catalog-edit-dialogs";

function SimpleForm({
  title,
  open,
  onOpenChange,
  pending,
  error,
  onSubmit,
  children,
}: {
  title: string;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  pending: boolean;
  error: unknown;
  onSubmit: () => void;
  children: React.ReactNode;
}) {
  const errs = error ? fieldErrors(error) : {};
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        {children}
        {error && !Object.keys(errs).length ? <Alert>{errorMessage(error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancelar
          </Button>
          <Button type="submit" busy={pending}>
            Guardar
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

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

export function PacksPage() {
  const can = useCan();
  const utils = trpc.useUtils();
  const packs = trpc.inventory.packs.useQuery();
  const products = trpc.inventory.products.useQuery({ pageSize: 200, sort: "name" });
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({ parentProductId: "", childProductId: "", unitsPerParent: "" });
  const create = trpc.inventory.createPack.useMutation({
    onSuccess: async () => {
      await utils.inventory.packs.invalidate();
      setOpen(false);
      setF({ parentProductId: "", childProductId: "", unitsPerParent: "" });
    },
  });
  const errs = create.error ? fieldErrors(create.error) : {};
  const options = products.data?.rows.filter((p) => !p.isService) ?? [];
  const [editing, setEditing] = useState<NonNullable<typeof packs.data>[number] | null>(null);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const remove = trpc.inventory.removePack.useMutation({ onSuccess: () => utils.inventory.packs.invalidate() });
  return (
    <div>
      <PageHeader
        title="Packs"
        description="Un pack contiene varias unidades de otro producto. Al vender una unidad sin stock suelto, se desarma un pack automáticamente."
        actions={can("catalog.write") ? <Button onClick={() => setOpen(true)}>Nuevo pack</Button> : null}
      />
      <InventoryTabs />
      {packs.error ? <Alert>{errorMessage(packs.error)}</Alert> : null}
      {packs.data?.length === 0 ? <EmptyState title="No hay packs">Por ejemplo: «Agua x6» contiene 6 «Agua 500 ml».</EmptyState> : null}
      {packs.data?.length ? (
        // The table scrolls inside its box on a phone; the page itself never scrolls sideways.
        <div className="max-w-full overflow-x-auto">
        <table className="min-w-full rounded-lg border border-slate-200 bg-white text-sm">
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              <th className="px-3 py-2 font-medium">Pack</th>
              <th className="px-3 py-2 font-medium">Contiene</th>
              <th className="px-3 py-2 font-medium">Stock packs</th>
              <th className="px-3 py-2 font-medium">Stock unidades sueltas</th>
              <th className="px-3 py-2 font-medium">Desarme automático</th>
              {can("catalog.write") ? <th className="px-3 py-2 font-medium">Acciones</th> : null}
            </tr>
          </thead>
          <tbody>
            {packs.data.map((k) => (
              <tr key={k.id} className="border-t border-slate-100">
                <td className="px-3 py-2">{k.parentName}</td>
                <td className="px-3 py-2">
                  {formatQty(k.unitsPerParent)} × {k.childName}
                </td>
                <td className="px-3 py-2">{formatQty(k.parentStock)}</td>
                <td className="px-3 py-2">{formatQty(k.childStock)}</td>
                <td className="px-3 py-2">{k.autoUnpack ? "Sí" : "No"}</td>
                {can("catalog.write") ? (
                  <td className="px-3 py-2">
                    <span className="flex gap-1">
                      <Button variant="ghost" className="px-2 py-1" aria-label={`Editar ${k.parentName}`} onClick={() => setEditing(k)}>
                        Editar
                      </Button>
                      <Button variant="ghost" className="px-2 py-1" aria-label={`Quitar ${k.parentName}`} onClick={() => setRemoving({ id: k.id, name: k.parentName })}>
                        Quitar
                      </Button>
                    </span>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      ) : null}
      <SimpleForm title="Nuevo pack" open={open} onOpenChange={setOpen} pending={create.isPending} error={create.error} onSubmit={() => create.mutate({ ...f, unitsPerParent: typedToWire(f.unitsPerParent) })}>
        <Field label="Pack (producto que contiene)" error={errs.parentProductId}>
          <Select value={f.parentProductId} onChange={(e) => setF({ ...f, parentProductId: e.target.value })}>
            <option value="">Elegí el pack</option>
            {options.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Unidad (producto contenido)" error={errs.childProductId}>
          <Select value={f.childProductId} onChange={(e) => setF({ ...f, childProductId: e.target.value })}>
            <option value="">Elegí la unidad</option>
            {options.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Unidades por pack" error={errs.unitsPerParent}>
          <NumberInput kind="quantity" label="Unidades por pack" value={f.unitsPerParent} onValueChange={(unitsPerParent) => setF((x) => ({ ...x, unitsPerParent }))} invalid={!!errs.unitsPerParent} />
        </Field>
      </SimpleForm>
      {remove.error ? <Alert>{errorMessage(remove.error)}</Alert> : null}
      {editing ? <EditPackDialog pack={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        open={removing !== null}
        onOpenChange={(o) => (o ? null : setRemoving(null))}
        title={`¿Quitar el pack «${removing?.name ?? ""}»?`}
        description="Los productos y su stock quedan como están; solo deja de desarmarse al vender la unidad."
        confirmLabel="Quitar pack"
        busy={remove.isPending}
        onConfirm={() => removing && remove.mutate({ id: removing.id }, { onSettled: () => setRemoving(null) })}
      />
    </div>
  );
}

export function CategoriesPage() {
  const can = useCan();
  const utils = trpc.useUtils();
  const categories = trpc.inventory.categories.useQuery();
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({ name: "", parentId: "" });
  const create = trpc.inventory.createCategory.useMutation({
    onSuccess: async () => {
      await utils.inventory.categories.invalidate();
      setOpen(false);
      setF({ name: "", parentId: "" });
    },
  });
  const errs = create.error ? fieldErrors(create.error) : {};
  const [editing, setEditing] = useState<NonNullable<typeof categories.data>[number] | null>(null);
  const setActive = trpc.inventory.updateCategory.useMutation({ onSuccess: () => utils.inventory.categories.invalidate() });
  return (
    <div>
      <PageHeader title="Categorías" description="Organizá el catálogo en categorías y subcategorías." actions={can("catalog.write") ? <Button onClick={() => setOpen(true)}>Nueva categoría</Button> : null} />
      <InventoryTabs />
      {categories.error ? <Alert>{errorMessage(categories.error)}</Alert> : null}
      {categories.data?.length === 0 ? <EmptyState title="No hay categorías">Creá la primera, por ejemplo «Bebidas».</EmptyState> : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {categories.data?.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm" style={{ paddingLeft: `${1 + Math.min(c.depth, 4) * 1.5}rem` }}>
            <span className={`min-w-0 break-words ${c.depth === 0 ? "font-medium" : ""}`}>
              {c.name}
              {c.active ? null : <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs text-slate-700">Inactiva</span>}
            </span>
            <span className="flex items-center gap-2">
              <span className="text-slate-600">{c.products === 1 ? "1 producto" : `${c.products} productos`}</span>
              {can("catalog.write") ? (
                <RowActions
                  name={c.name}
                  active={c.active}
                  busy={setActive.isPending && setActive.variables?.id === c.id}
                  onEdit={() => setEditing(c)}
                  onSetActive={(active) => setActive.mutate({ id: c.id, name: c.name, parentId: c.parentId, active })}
                />
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <SimpleForm
        title="Nueva categoría"
        open={open}
        onOpenChange={setOpen}
        pending={create.isPending}
        error={create.error}
        onSubmit={() => create.mutate({ name: f.name, parentId: f.parentId || null })}
      >
        <Field label="Nombre" error={errs.name}>
          <Input value={f.name} onChange={(e) => setF({ ...f, name: e.target.value })} invalid={!!errs.name} />
        </Field>
        <Field label="Dentro de" error={errs.parentId}>
          <Select value={f.parentId} onChange={(e) => setF({ ...f, parentId: e.target.value })}>
            <option value="">(Categoría principal)</option>
            {categories.data?.map((c) => (
              <option key={c.id} value={c.id}>
                {c.path}
              </option>
            ))}
          </Select>
        </Field>
      </SimpleForm>
      {setActive.error ? <Alert>{errorMessage(setActive.error)}</Alert> : null}
      {editing && categories.data ? <EditCategoryDialog category={editing} all={categories.data} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}

export function WarehousesPage() {
  const can = useCan();
  const utils = trpc.useUtils();
  const warehouses = trpc.inventory.warehouses.useQuery();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const create = trpc.inventory.createWarehouse.useMutation({
    onSuccess: async () => {
      await utils.inventory.warehouses.invalidate();
      setOpen(false);
      setName("");
    },
  });
  const errs = create.error ? fieldErrors(create.error) : {};
  const toggle = trpc.inventory.setWarehouseActive.useMutation({ onSuccess: () => utils.inventory.warehouses.invalidate() });
  const [deactivating, setDeactivating] = useState<{ id: string; name: string } | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  return (
    <div>
      <PageHeader
        title="Depósitos"
        description="Cada negocio empieza con un depósito principal. Agregá más (cocina, bar, pisos) para transferir entre ellos."
        actions={can("catalog.write") ? <Button onClick={() => setOpen(true)}>Nuevo depósito</Button> : null}
      />
      <InventoryTabs />
      {warehouses.error ? <Alert>{errorMessage(warehouses.error)}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-3">
        {warehouses.data?.map((w) => (
          <Card key={w.id} title={w.name}>
            {w.isDefault ? <p className="mb-2 text-xs font-medium uppercase text-teal-800">Principal</p> : null}
            <p className="text-sm text-slate-600">{w.products} productos con stock</p>
            <p className="text-sm text-slate-600">Valor al costo: {formatMoney(w.value)}</p>
            {w.active ? null : <p className="mt-1 text-xs font-medium uppercase text-slate-500">Desactivado</p>}
            {can("catalog.write") ? (
              <Button variant="ghost" className="mt-2 px-2 py-1" aria-label={`Renombrar ${w.name}`} onClick={() => setRenaming({ id: w.id, name: w.name })}>
                Renombrar
              </Button>
            ) : null}
            {can("catalog.write") && !w.isDefault ? (
              <Button
                variant="ghost"
                className="mt-2 px-2 py-1"
                busy={toggle.isPending && toggle.variables?.warehouseId === w.id}
                onClick={() => (w.active ? setDeactivating({ id: w.id, name: w.name }) : toggle.mutate({ warehouseId: w.id, active: true }))}
              >
                {w.active ? "Desactivar" : "Reactivar"}
              </Button>
            ) : null}
          </Card>
        ))}
      </div>
      {toggle.error ? <Alert>{errorMessage(toggle.error)}</Alert> : null}
      <ConfirmDialog
        open={deactivating !== null}
        onOpenChange={(o) => (o ? null : setDeactivating(null))}
        title={`¿Desactivar «${deactivating?.name ?? ""}»?`}
        description="Solo se puede si está vacío. No recibe más mercadería hasta que lo reactives."
        confirmLabel="Desactivar"
        busy={toggle.isPending}
        onConfirm={() => deactivating && toggle.mutate({ warehouseId: deactivating.id, active: false }, { onSettled: () => setDeactivating(null) })}
      />
      {renaming ? <RenameWarehouseDialog warehouse={renaming} onClose={() => setRenaming(null)} /> : null}
      <SimpleForm title="Nuevo depósito" open={open} onOpenChange={setOpen} pending={create.isPending} error={create.error} onSubmit={() => create.mutate({ name })}>
        <Field label="Nombre" error={errs.name}>
          <Input value={name} onChange={(e) => setName(e.target.value)} invalid={!!errs.name} />
        </Field>
      </SimpleForm>
    </div>
  );
}
