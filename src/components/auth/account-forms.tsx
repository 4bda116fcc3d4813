"use client";
import { useState } from "react";
import Link from "next/link";
import { signIn, signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { trpc, errorMessage, fieldErrors } from "@/lib/trpc/react";
import { Button } from "@/components/ui/button";
import { Alert, Field, Input } from "@/components/ui/field";

const link = "font-medium text-teal-700 hover:underline";

/** "Olvidé mi contraseña": the same confirmation whether or not the e-mail has an account. */
export function RequestResetForm() {
  const [email, setEmail] = useState("");
  const req = trpc.account.requestPasswordReset.useMutation();
  const errs = req.error ? fieldErrors(req.error) : {};
  if (req.isSuccess) {
    return (
      <Alert kind="success">
        Si {email} tiene una cuenta en Mostrador, le enviamos un enlace para elegir una contraseña nueva. Vence en 1 hora.
      </Alert>
    );
  }
  return (
    <form className="space-y-4" onSubmit={(e) => (e.preventDefault(), req.mutate({ email }))}>
      <Field label="E-mail" error={errs.email}>
        <Input type="email" autoComplete="username" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)} invalid={!!errs.email} />
      </Field>
      {req.error && !Object.keys(errs).length ? <Alert>{errorMessage(req.error)}</Alert> : null}
      <Button type="submit" className="w-full" busy={req.isPending}>
        Enviarme el enlace
      </Button>
      <p className="text-center text-sm">
        <Link className={link} href="/ingresar">
          Volver a ingresar
        </Link>
      </p>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState("");
  const reset = trpc.account.resetPassword.useMutation();
  const errs = reset.error ? fieldErrors(reset.error) : {};
  if (reset.isSuccess) {
    return (
      <Alert kind="success">
        Listo: tu contraseña cambió y se cerraron tus otras sesiones.{" "}
        <Link className={link} href="/ingresar">
          Ingresá
        </Link>
        .
      </Alert>
    );
  }
  return (
    <form className="space-y-4" onSubmit={(e) => (e.preventDefault(), reset.mutate({ token, password }))}>
      <Field label="Contraseña nueva" error={errs.password} hint="Al menos 8 caracteres.">
        <Input type="password" autoComplete="new-password" required minLength={8} maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} invalid={!!errs.password} />
      </Field>
      {reset.error && !Object.keys(errs).length ? <Alert>{errorMessage(reset.error)}</Alert> : null}
      <Button type="submit" className="w-full" busy={reset.isPending}>
        Guardar contraseña
      </Button>
    </form>
  );
}

/** My account: change password (then sign in again with it), and sign out of this session. */
export function AccountPanel({ email }: { email: string }) {
  const router = useRouter();
  const [form, setForm] = useState({ currentPassword: "", newPassword: "" });
  const [done, setDone] = useState(false);
  const change = trpc.account.changePassword.useMutation({
    onSuccess: async () => {
      // Every session ended, this one too: sign in again with the new password.
      await signIn("credentials", { email, password: form.newPassword, redirect: false });
      setForm({ currentPassword: "", newPassword: "" });
      setDone(true);
      router.refresh();
    },
  });
  const errs = change.error ? fieldErrors(change.error) : {};
  return (
    <div className="space-y-8">
      <section aria-labelledby="pw-title" className="space-y-4">
        <h2 id="pw-title" className="text-lg font-semibold">
          Cambiar contraseña
        </h2>
        <p className="text-sm text-slate-600">Al cambiarla se cierran tus sesiones en todos los dispositivos.</p>
        <form className="max-w-md space-y-4" onSubmit={(e) => (e.preventDefault(), setDone(false), change.mutate(form))}>
          <Field label="Contraseña actual" error={errs.currentPassword}>
            <Input type="password" autoComplete="current-password" required maxLength={200} value={form.currentPassword} onChange={(e) => setForm({ ...form, currentPassword: e.target.value })} invalid={!!errs.currentPassword} />
          </Field>
          <Field label="Contraseña nueva" error={errs.newPassword} hint="Al menos 8 caracteres.">
            <Input type="password" autoComplete="new-password" required minLength={8} maxLength={200} value={form.newPassword} onChange={(e) => setForm({ ...form, newPassword: e.target.value })} invalid={!!errs.newPassword} />
          </Field>
          {change.error && !Object.keys(errs).length ? <Alert>{errorMessage(change.error)}</Alert> : null}
          {done ? <Alert kind="success">Contraseña cambiada. Cerramos tus otras sesiones.</Alert> : null}
          <Button type="submit" busy={change.isPending}>
            Cambiar contraseña
          </Button>
        </form>
      </section>
      <section aria-labelledby="out-title" className="space-y-2">
        <h2 id="out-title" className="text-lg font-semibold">
          Sesión
        </h2>
        <Button variant="secondary" onClick={() => signOut({ callbackUrl: "/ingresar" })}>
          Cerrar sesión
        </Button>
      </section>
    </div>
  );
}

/** Accepting an invitation: signed in as the invited e-mail, or creating the account. */
export function InvitationPanel({ token, signedInEmail }: { token: string; signedInEmail: string | null }) {
  const router = useRouter();
  const info = trpc.account.invitation.useQuery({ token }, { retry: false });
  const accept = trpc.account.acceptInvitation.useMutation({ onSuccess: (r) => router.push(`/${r.slug}`) });
  const [form, setForm] = useState({ name: "", password: "" });
  const create = trpc.account.createInvitedAccount.useMutation();
  const errs = create.error ? fieldErrors(create.error) : {};
  if (info.isLoading) return <div role="status" className="h-24 animate-pulse rounded bg-slate-100" aria-label="Cargando invitación" />;
  if (info.error || !info.data) return <Alert>{info.error ? errorMessage(info.error) : "La invitación no existe."}</Alert>;
  const inv = info.data;
  const callback = `/invitacion/${token}`;
  return (
    <div className="space-y-4">
      <p>
        Te invitaron a <strong>{inv.businessName}</strong> con el e-mail <strong className="break-all">{inv.email}</strong>.
      </p>
      {signedInEmail ? (
        <>
          {accept.error ? <Alert>{errorMessage(accept.error)}</Alert> : null}
          <Button className="w-full" busy={accept.isPending} onClick={() => accept.mutate({ token })}>
            Aceptar la invitación
          </Button>
          <p className="text-center text-sm text-slate-600">Ingresaste como {signedInEmail}.</p>
        </>
      ) : create.isSuccess ? (
        <Alert kind="success">
          Listo. Si el e-mail ya tenía cuenta, usá tu contraseña de siempre.{" "}
          <Link className={link} href={`/ingresar?callbackUrl=${encodeURIComponent(callback)}`}>
            Ingresá
          </Link>{" "}
          para entrar al negocio.
        </Alert>
      ) : (
        <>
          <p className="text-sm">
            ¿Ya tenés cuenta?{" "}
            <Link className={link} href={`/ingresar?callbackUrl=${encodeURIComponent(callback)}`}>
              Ingresá para aceptar
            </Link>
            . Si no, creala:
          </p>
          <form className="space-y-4" onSubmit={(e) => (e.preventDefault(), create.mutate({ token, ...form }))}>
            <Field label="Tu nombre" error={errs.name}>
              <Input required maxLength={120} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} invalid={!!errs.name} />
            </Field>
            <Field label="Contraseña" error={errs.password} hint="Al menos 8 caracteres.">
              <Input type="password" autoComplete="new-password" required minLength={8} maxLength={200} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} invalid={!!errs.password} />
            </Field>
            {create.error && !Object.keys(errs).length ? <Alert>{errorMessage(create.error)}</Alert> : null}
            <Button type="submit" className="w-full" busy={create.isPending}>
              Crear cuenta y aceptar
            </Button>
          </form>
        </>
      )}
    </div>
  );
}
