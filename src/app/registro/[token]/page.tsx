import { TRPCProvider } from "@/lib/trpc/react";
import { AuthCard } from "@/components/auth/auth-card";
import { ConfirmSignUpForm } from "@/components/auth/confirm-sign-up-form";

export const metadata = { title: "Confirmá tu cuenta", referrer: "no-referrer" };

/** The sign-up link: nothing happens on opening it (mail scanners open links); the form creates the business. */
export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthCard title="Confirmá tu cuenta" subtitle="Elegí tu contraseña y creamos tu negocio con su depósito y su caja.">
      <TRPCProvider tenantSlug={null}>
        <ConfirmSignUpForm token={token.slice(0, 200)} />
      </TRPCProvider>
    </AuthCard>
  );
}
