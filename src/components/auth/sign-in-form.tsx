"use client";
import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input } from "@/components/ui/field";
import { AFTER_SIGN_IN, safeCallbackPath } from "@/lib/safe-redirect";

const MESSAGES: Record<string, string> = {
  INVALID: "E-mail o contraseña incorrectos.",
  CredentialsSignin: "E-mail o contraseña incorrectos.",
  RATE_LIMITED: "Demasiados intentos fallidos. Esperá unos segundos y probá de nuevo.",
  UNAVAILABLE: "El servicio no está disponible en este momento. Probá de nuevo en unos minutos.",
};

export function SignInForm() {
  const router = useRouter();
  const params = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        const res = await signIn("credentials", { email, password, redirect: false });
        setBusy(false);
        if (!res || res.error) {
          setError(MESSAGES[res?.error ?? ""] ?? "No pudimos iniciar sesión. Probá de nuevo.");
          return;
        }
        router.push(safeCallbackPath(params.get("callbackUrl"), AFTER_SIGN_IN));
        router.refresh();
      }}
    >
      <Field label="E-mail">
        <Input type="email" name="email" autoComplete="username" required autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <Field label="Contraseña">
        <Input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </Field>
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" className="w-full" busy={busy}>
        Ingresar
      </Button>
      <p className="text-center text-sm">
        <Link className="font-medium text-teal-700 hover:underline" href="/recuperar">
          ¿Olvidaste tu contraseña?
        </Link>
      </p>
      <p className="text-center text-sm text-slate-600">
        ¿Tu negocio no usa Mostrador todavía?{" "}
        <Link className="font-medium text-teal-700 hover:underline" href="/registro">
          Crear mi negocio
        </Link>
      </p>
    </form>
  );
}
