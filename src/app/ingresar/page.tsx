import { Suspense } from "react";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata = { title: "Ingresar" };

export default function Page() {
  return (
    <AuthCard title="Ingresar" subtitle="Con tu e-mail y contraseña de Mostrador.">
      <Suspense>
        <SignInForm />
      </Suspense>
    </AuthCard>
  );
}
