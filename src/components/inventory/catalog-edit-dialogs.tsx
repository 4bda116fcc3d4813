"use client";
import { useState, type ReactNode } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { toInputText, typedToWire } from "@/lib/number";

// Edit and (de)activate dialogs for the catalog screens (issue 14 item 4). Numbers are shown
// es-AR style and sent canonical through the shared parser; deactivations and removals ask first.

function EditForm({ title, onClose, pending, error, onSubmit, children }: { title: string; onClose: () => void; pending: boolean; error: unknown; onSubmit: () => void; children: ReactNode }) {
  const errs = error ? fieldErrors(error) : {};
  return (
    <Dialog open onOpenChange={(o) => (o ? null : onClose())} title={title}>
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
          <Button type="button" variant="secondary" onClick={onClose}>
            Cancelar
          </Button>
          <Button type="submit" busy={pending}>
            Guardar cambios
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

type Category = { id: string; name: string; parentId: string | null; path: string; active: boolean };

export function EditCategoryDialog({ category, all, onClose }: { category: Category; all: Category[]; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [f, setF] = useState({ name: category.name, parentId: category.parentId ?? "" });
  const save = trpc.inventory.updateCategory.useMutation({
    onSuccess: async () => {
      await utils.inventory.categories.invalidate();
      onClose();
    },
  });
  const errs = save.error ? fieldErrors(save.error) : {};
  // Its own subtree is not offered (the database refuses it anyway).
  const options = all.filter((c) => c.id !== category.id && !c.path.startsWith(`${category.path} › `));
  return (
    <EditForm
      title={`Editar «${category.name}»`}
      onClose={onClose}
      pending={save.isPending}
      error={save.error}
      onSubmit={() => save.mutate({ id: category.id, name: f.name, parentId: f.parentId || null, active: category.active })}
    >
      <Field label="Nombre" error={errs.name}>
        <Input value={f.name} maxLength={80} onChange={(e) => setF({ ...f, name: e.target.value })} invalid={!!errs.name} />
      </Field>
      <Field label="Dentro de" error={errs.parentId}>
        <Select value={f.parentId} onChange={(e) => setF({ ...f, parentId: e.target.value })} invalid={!!errs.parentId}>
          <option value="">(Categoría principal)</option>
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {c.path}
            </option>
          ))}
        </Select>
      </Field>
    </EditForm>
  );
}

type Family = { id: string; name: string; baseUnit: "g" | "ml" | "unit"; targetStock: string; active: boolean };

export function EditFamilyDialog({ family, onClose }: { family: Family; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [f, setF] = useState({ name: family.name, baseUnit: family.baseUnit, targetStock: toInputText(family.targetStock, 3) });
  const save = trpc.inventory.updateFamily.useMutation({
    onSuccess: async () => {
      await utils.inventory.families.invalidate();
      onClose();
    },
  });
  const errs = save.error ? fieldErrors(save.error) : {};
  return (
    <EditForm
      title={`Editar «${family.name}»`}
      onClose={onClose}
      pending={save.isPending}
      error={save.error}
      onSubmit={() => save.mutate({ id: family.id, name: f.name, baseUnit: f.baseUnit, targetStock: typedToWire(f.targetStock), active: family.active })}
    >
      <Field label="Nombre" error={errs.name}>
        <Input value={f.name} maxLength={80} onChange={(e) => setF({ ...f, name: e.target.value })} invalid={!!errs.name} />
      </Field>
      <Field label="Unidad base" error={errs.baseUnit} hint="Cambiarla no recalcula los factores de conversión de los productos: revisalos después.">
        <Select value={f.baseUnit} onChange={(e) => setF({ ...f, baseUnit: e.target.value as Family["baseUnit"] })}>
          <option value="g">Gramos (g)</option>
          <option value="ml">Mililitros (ml)</option>
          <option value="unit">Unidades</option>
        </Select>
      </Field>
      <Field label="Stock objetivo (en unidad base)" error={errs.targetStock}>
        <Input inputMode="decimal" value={f.targetStock} onChange={(e) => setF({ ...f, targetStock: e.target.value })} invalid={!!errs.targetStock} />
      </Field>
    </EditForm>
  );
}

type Pack = { id: string; parentName: string; childName: string; unitsPerParent: string; autoUnpack: boolean };

export function EditPackDialog({ pack, onClose }: { pack: Pack; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [f, setF] = useState({ unitsPerParent: toInputText(pack.unitsPerParent, 3), autoUnpack: pack.autoUnpack });
  const save = trpc.inventory.updatePack.useMutation({
    onSuccess: async () => {
      await utils.inventory.packs.invalidate();
      onClose();
    },
  });
  const errs = save.error ? fieldErrors(save.error) : {};
  return (
    <EditForm
      title={`Editar pack «${pack.parentName}»`}
      onClose={onClose}
      pending={save.isPending}
      error={save.error}
      onSubmit={() => save.mutate({ id: pack.id, unitsPerParent: typedToWire(f.unitsPerParent), autoUnpack: f.autoUnpack })}
    >
      <Field label={`Unidades de «${pack.childName}» por pack`} error={errs.unitsPerParent}>
        <Input inputMode="decimal" value={f.unitsPerParent} onChange={(e) => setF({ ...f, unitsPerParent: e.target.value })} invalid={!!errs.unitsPerParent} />
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-0.5 h-4 w-4" checked={f.autoUnpack} onChange={(e) => setF({ ...f, autoUnpack: e.target.checked })} />
        <span>
          Desarmar automáticamente
          <span className="block text-slate-600">Al vender una unidad sin stock suelto se abre un pack. Apagado, la venta avisa que falta stock.</span>
        </span>
      </label>
    </EditForm>
  );
}

export function RenameWarehouseDialog({ warehouse, onClose }: { warehouse: { id: string; name: string }; onClose: () => void }) {
  const utils = trpc.useUtils();
  const [name, setName] = useState(warehouse.name);
  const save = trpc.inventory.renameWarehouse.useMutation({
    onSuccess: async () => {
      await utils.inventory.warehouses.invalidate();
      onClose();
    },
  });
  const errs = save.error ? fieldErrors(save.error) : {};
  return (
    <EditForm title={`Renombrar «${warehouse.name}»`} onClose={onClose} pending={save.isPending} error={save.error} onSubmit={() => save.mutate({ id: warehouse.id, name })}>
      <Field label="Nombre" error={errs.name}>
        <Input value={name} maxLength={80} onChange={(e) => setName(e.target.value)} invalid={!!errs.name} />
      </Field>
    </EditForm>
  );
}

/** Row actions: "Editar" and "Desactivar"/"Reactivar" (asks before deactivating). */
export function RowActions({ name, active, onEdit, onSetActive, busy }: { name: string; active: boolean; onEdit: () => void; onSetActive: (active: boolean) => void; busy?: boolean }) {
  const [confirm, setConfirm] = useState(false);
  return (
    <span className="flex shrink-0 gap-1">
      <Button variant="ghost" className="px-2 py-1" onClick={onEdit} aria-label={`Editar ${name}`}>
        Editar
      </Button>
      <Button variant="ghost" className="px-2 py-1" busy={busy} onClick={() => (active ? setConfirm(true) : onSetActive(true))} aria-label={`${active ? "Desactivar" : "Reactivar"} ${name}`}>
        {active ? "Desactivar" : "Reactivar"}
      </Button>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={`¿Desactivar «${name}»?`}
        description="No se ofrece para productos nuevos. Los productos que ya la usan la conservan y podés reactivarla cuando quieras."
        confirmLabel="Desactivar"
        busy={busy}
        onConfirm={() => {
          onSetActive(false);
          setConfirm(false);
        }}
      />
    </span>
  );
}
