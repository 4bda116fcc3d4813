"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input } from "@/components/ui/field";

/**
 * Step two of signing up (the e-mailed link): the owner chooses the password, the account and
 * the business are created, and this browser signs in. If the business address was taken
 * meanwhile, the field to choose another appears.
 */
export function ConfirmSignUpForm({ token }: { token: string }) {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [slug, setSlug] = useState<string | null>(null);
  const [signInError, setSignInError] = useState(false);
  const confirm = trpc.tenancy.confirmSignUp.useMutation({
    onSuccess: async (r) => {
      const res = await signIn("credentials", { email: r.email, password, redirect: false });
      if (!res || res.error) return setSignInError(true);
      router.push(`/${r.slug}`);
      router.refresh();
    },
    onError: (e) => {
      if (fieldErrors(e).slug && slug === null) setSlug("");
    },
  });
  const errs = confirm.error ? fieldErrors(confirm.error) : {};
  if (signInError) {
    return <Alert>Creamos tu negocio, pero no pudimos iniciar sesión. Ingresá con tu e-mail y la contraseña que elegiste.</Alert>;
  }
  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        confirm.mutate({ token, password, ...(slug ? { slug: slug.trim().toLowerCase() } : {}) });
      }}
    >
      <Field label="Elegí tu contraseña" error={errs.password} hint="Al menos 8 caracteres.">
        <Input type="password" required autoFocus autoComplete="new-password" minLength={8} maxLength={200} value={password} invalid={!!errs.password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      {slug !== null ? (
        <Field label="Otra dirección para tu negocio" error={errs.slug} hint={`Tu negocio quedará en /${slug || "mi-negocio"}`}>
          <Input required maxLength={40} value={slug} invalid={!!errs.slug} onChange={(e) => setSlug(e.target.value.toLowerCase())} />
        </Field>
      ) : null}
      {confirm.error && !Object.keys(errs).length ? <Alert>{errorMessage(confirm.error)}</Alert> : null}
      <Button type="submit" className="w-full" busy={confirm.isPending}>
        Confirmar y crear mi negocio
      </Button>
    </form>
  );
}
