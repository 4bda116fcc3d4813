"use client";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Card, PageHeader } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Alert, Field, Input } from "@/components/ui/field";
import { formatMoney } from "@/lib/format";
import { InventoryTabs } from "./common";
import { useCan } from "@/components/auth/permissions";
import { RenameWarehouseDialog } from "./catalog-edit-dialogs";

import { SimpleForm } from "./simple-form-dialog";

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
