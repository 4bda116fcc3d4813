"use client";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert, Field, Select } from "@/components/ui/field";
import { formatQty } from "@/lib/format";
import { typedToWire } from "@/lib/number";
import { NumberInput } from "@/components/ui/number-input";
import { InventoryTabs } from "./common";
import { useCan } from "@/components/auth/permissions";
import { EditPackDialog } from "./catalog-edit-dialogs";

import { SimpleForm } from "./simple-form-dialog";

// eslint-disable-next-line max-lines-per-function -- one screen's markup (header, filters, table, empty and loading states) read top to bottom; JSX beyond its state
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
