import { AuthCard } from "@/components/auth/auth-card";
import { RequestResetForm } from "@/components/auth/account-forms";

export const metadata = { title: "Recuperar contraseña" };

export default function Page() {
  return (
    <AuthCard title="Recuperar contraseña" subtitle="Te enviamos un enlace para elegir una contraseña nueva.">
      <RequestResetForm />
    </AuthCard>
  );
}
