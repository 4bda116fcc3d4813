import { AuthCard } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/account-forms";

export const metadata = { title: "Contraseña nueva", referrer: "no-referrer" };

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthCard title="Elegí una contraseña nueva" subtitle="Se cerrarán tus sesiones abiertas.">
      <ResetPasswordForm token={token.slice(0, 200)} />
    </AuthCard>
  );
}
