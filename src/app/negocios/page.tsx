import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { TRPCProvider } from "@/lib/trpc/react";
import { BusinessesPage } from "@/components/auth/businesses-page";

export const metadata = { title: "Mis negocios" };
export const dynamic = "force-dynamic";

export default async function Page() {
  const user = await currentUser();
  if (!user) redirect("/ingresar?callbackUrl=/negocios");
  return (
    <TRPCProvider tenantSlug={null}>
      <BusinessesPage userName={user.name} />
    </TRPCProvider>
  );
}
