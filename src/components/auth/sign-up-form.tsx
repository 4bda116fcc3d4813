"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input, Select } from "@/components/ui/field";

const slugify = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);

export function SignUpForm() {
  const router = useRouter();
  const [form, setForm] = useState({ businessName: "", kind: "RETAIL" as "HOTEL" | "RESTAURANT" | "RETAIL", slug: "", ownerName: "", email: "", password: "" });
  const [slugTouched, setSlugTouched] = useState(false);
  const [signInError, setSignInError] = useState<string | null>(null);
  const signUp = trpc.tenancy.signUp.useMutation({
    onSuccess: async ({ slug }) => {
      const res = await signIn("credentials", { email: form.email, password: form.password, redirect: false });
      if (!res || res.error) {
        setSignInError("Creamos tu negocio, pero no pudimos iniciar sesión. Ingresá con tu e-mail y contraseña.");
        return;
      }
      router.push(`/${slug}`);
      router.refresh();
    },
  });
  const errs = signUp.error ? fieldErrors(signUp.error) : {};
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        signUp.mutate(form);
      }}
    >
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold uppercase tracking-wide text-slate-500">Tu negocio</legend>
        <Field label="Nombre del negocio" error={errs.businessName}>
          <Input
            required
            autoFocus
            value={form.businessName}
            invalid={!!errs.businessName}
            onChange={(e) => setForm({ ...form, businessName: e.target.value, slug: slugTouched ? form.slug : slugify(e.target.value) })}
          />
        </Field>
        <Field label="Tipo de negocio" error={errs.kind}>
          <Select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as typeof form.kind })}>
            <option value="RETAIL">Comercio</option>
            <option value="RESTAURANT">Restaurante</option>
            <option value="HOTEL">Hotel</option>
          </Select>
        </Field>
        <Field label="Dirección en Mostrador" error={errs.slug} hint={`Tu negocio quedará en /${form.slug || "mi-negocio"}`}>
          <Input
            required
            value={form.slug}
            invalid={!!errs.slug}
            onChange={(e) => {
              setSlugTouched(true);
              setForm({ ...form, slug: e.target.value.toLowerCase() });
            }}
          />
        </Field>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold uppercase tracking-wide text-slate-500">Tu cuenta (dueño)</legend>
        <Field label="Tu nombre" error={errs.ownerName}>
          <Input required value={form.ownerName} invalid={!!errs.ownerName} onChange={(e) => setForm({ ...form, ownerName: e.target.value })} />
        </Field>
        <Field label="E-mail" error={errs.email}>
          <Input type="email" required autoComplete="username" value={form.email} invalid={!!errs.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </Field>
        <Field label="Contraseña" error={errs.password} hint="Al menos 8 caracteres.">
          <Input type="password" required autoComplete="new-password" value={form.password} invalid={!!errs.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
        </Field>
      </fieldset>
      {signUp.error && !Object.keys(errs).length ? <Alert>{errorMessage(signUp.error)}</Alert> : null}
      {signInError ? <Alert>{signInError}</Alert> : null}
      <Button type="submit" className="w-full" busy={signUp.isPending}>
        Crear mi negocio
      </Button>
    </form>
  );
}
