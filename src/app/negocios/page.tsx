import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { getMyBusinesses } from "@/server/auth/page-membership";
import { TRPCProvider } from "@/lib/trpc/react";
import { BusinessesPage } from "@/components/auth/businesses-page";

export const metadata = { title: "Mis negocios" };
export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await currentUser();
  if (!user) redirect("/ingresar?callbackUrl=/negocios");
  // Right after signing in, someone with a single business goes straight to it; opened from
  // the menu ("Mis negocios"), the list stays, so they can still create another one.
  if ((await searchParams).ingreso !== undefined) {
    const mine = await getMyBusinesses();
    if (mine?.length === 1) redirect(`/${mine[0]!.slug}`);
  }
  return (
    <TRPCProvider tenantSlug={null}>
      <BusinessesPage userName={user.name} />
    </TRPCProvider>
  );
}
