import { AuthCard } from "@/components/auth/auth-card";
import { InvitationPanel } from "@/components/auth/account-forms";
import { currentUser } from "@/server/auth/session";

export const metadata = { title: "Invitación", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function Page({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await currentUser();
  return (
    <AuthCard title="Invitación a un negocio" subtitle="Aceptala para empezar a trabajar en Mostrador.">
      <InvitationPanel token={token.slice(0, 200)} signedInEmail={user?.email ?? null} />
    </AuthCard>
  );
}
