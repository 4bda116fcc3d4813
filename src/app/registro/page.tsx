import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { TRPCProvider } from "@/lib/trpc/react";

export const metadata = { title: "Crear mi negocio" };

export default function Page() {
  return (
    <AuthCard title="Crear mi negocio" subtitle="En un minuto tenés tu depósito y tu caja listos para vender.">
      <TRPCProvider tenantSlug={null}>
        <SignUpForm />
      </TRPCProvider>
    </AuthCard>
  );
}
