"use client";
import Link from "next/link";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { ROLE_LABELS } from "@/lib/permissions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Alert, Field, Input, Select } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/page";
import { SignOutButton } from "@/components/shell/app-shell";

const KIND_LABELS = { HOTEL: "Hotel", RESTAURANT: "Restaurante", RETAIL: "Comercio" } as const;

export function BusinessesPage({ userName }: { userName: string }) {
  const list = trpc.tenancy.myBusinesses.useQuery();
  const [open, setOpen] = useState(false);
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <div className="mb-6 flex items-center justify-between">
        <div>
          <h1 className="text-2xl font-semibold">Mis negocios</h1>
          <p className="text-sm text-slate-600">Hola, {userName}. Elegí dónde trabajar hoy.</p>
        </div>
        <SignOutButton />
      </div>
      {list.error ? <Alert>{errorMessage(list.error)}</Alert> : null}
      {list.data?.length === 0 ? (
        <EmptyState title="No pertenecés a ningún negocio" action={<Button onClick={() => setOpen(true)}>Crear un negocio</Button>}>
          Creá uno nuevo o pedile al dueño que te invite.
        </EmptyState>
      ) : (
        <ul className="space-y-2">
          {list.data?.map((b) => (
            <li key={b.slug}>
              <Link href={`/${b.slug}`} className="flex items-center justify-between rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm hover:border-teal-500">
                <span>
                  <span className="font-medium">{b.name}</span>
                  <span className="ml-2 text-sm text-slate-500">{KIND_LABELS[b.kind]}</span>
                </span>
                <span className="text-sm text-slate-600">{ROLE_LABELS[b.role]}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {list.data && list.data.length > 0 ? (
        <Button variant="secondary" className="mt-4" onClick={() => setOpen(true)}>
          + Crear otro negocio
        </Button>
      ) : null}
      <CreateBusinessDialog open={open} onOpenChange={setOpen} />
    </div>
  );
}

function CreateBusinessDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const router = useRouter();
  const [form, setForm] = useState({ businessName: "", kind: "RETAIL" as "HOTEL" | "RESTAURANT" | "RETAIL", slug: "" });
  const create = trpc.tenancy.createBusiness.useMutation({ onSuccess: ({ slug }) => router.push(`/${slug}`) });
  const errs = create.error ? fieldErrors(create.error) : {};
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title="Crear un negocio" description="Vas a ser su dueño. Empieza con un depósito y una caja.">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(form);
        }}
      >
        <Field label="Nombre del negocio" error={errs.businessName}>
          <Input required value={form.businessName} onChange={(e) => setForm({ ...form, businessName: e.target.value })} />
        </Field>
        <Field label="Tipo" error={errs.kind}>
          <Select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as typeof form.kind })}>
            <option value="RETAIL">Comercio</option>
            <option value="RESTAURANT">Restaurante</option>
            <option value="HOTEL">Hotel</option>
          </Select>
        </Field>
        <Field label="Dirección" error={errs.slug}>
          <Input required value={form.slug} onChange={(e) => setForm({ ...form, slug: e.target.value.toLowerCase() })} />
        </Field>
        {create.error && !Object.keys(errs).length ? <Alert>{errorMessage(create.error)}</Alert> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancelar
          </Button>
          <Button type="submit" busy={create.isPending}>
            Crear
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
