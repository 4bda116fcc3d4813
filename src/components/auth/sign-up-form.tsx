"use client";
import { useState } from "react";
import Link from "next/link";
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

/**
 * Step one of signing up: the business and the owner's e-mail. The answer is always the same
 * ("check your e-mail"); the link in it creates the business and asks for the password.
 */
// eslint-disable-next-line max-lines-per-function -- a form's fields in order: state at the top, then JSX only
export function SignUpForm() {
  const [form, setForm] = useState({ businessName: "", kind: "RETAIL" as "HOTEL" | "RESTAURANT" | "RETAIL", slug: "", ownerName: "", email: "" });
  const [slugTouched, setSlugTouched] = useState(false);
  const signUp = trpc.tenancy.signUp.useMutation();
  const errs = signUp.error ? fieldErrors(signUp.error) : {};
  if (signUp.isSuccess) {
    return (
      <div className="space-y-3">
        <Alert kind="success">
          Te enviamos un correo a <strong className="break-all">{form.email}</strong> para confirmar. Abrí el enlace que contiene para elegir tu contraseña y
          crear tu negocio (vence en 24 horas).
        </Alert>
        <p className="text-sm text-slate-600">¿No llegó? Revisá la carpeta de correo no deseado o volvé a intentarlo en unos minutos.</p>
        {process.env.NODE_ENV !== "production" ? (
          <p className="text-sm text-slate-600">
            En desarrollo el correo no sale: está en{" "}
            <Link className="font-medium text-teal-700 hover:underline" href="/dev/correo">
              /dev/correo
            </Link>
            .
          </p>
        ) : null}
        <Button type="button" variant="secondary" className="w-full" onClick={() => signUp.reset()}>
          Corregir los datos
        </Button>
      </div>
    );
  }
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
        <p className="text-sm text-slate-600">Te enviaremos un enlace para confirmar tu e-mail; la contraseña la elegís al abrirlo.</p>
      </fieldset>
      {signUp.error && !Object.keys(errs).length ? <Alert>{errorMessage(signUp.error)}</Alert> : null}
      <Button type="submit" className="w-full" busy={signUp.isPending}>
        Crear mi negocio
      </Button>
    </form>
  );
}
