"use client";
import { useState } from "react";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { EmptyState, PageHeader } from "@/components/ui/page";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { InventoryTabs } from "./common";
import { useCan } from "@/components/auth/permissions";
import { EditCategoryDialog, RowActions } from "./catalog-edit-dialogs";

import { SimpleForm } from "./simple-form-dialog";

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
