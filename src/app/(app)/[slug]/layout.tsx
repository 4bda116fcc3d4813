import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { currentUser } from "@/server/auth/session";
import { withMembership } from "@/server/db/with-tenant";
import { ROLE_PERMISSIONS } from "@/lib/permissions";
import { AppShell } from "@/components/shell/app-shell";
import { TRPCProvider } from "@/lib/trpc/react";
import { OfflineQueueGuard } from "@/components/offline-pos/offline-queue-guard";

export const dynamic = "force-dynamic";

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) redirect(`/ingresar?callbackUrl=${encodeURIComponent(`/${slug}`)}`);
  const m = await withMembership(user.id, slug, async (_tx, membership) => membership);
  if (!m.found) notFound();
  return (
    <TRPCProvider tenantSlug={slug} key={slug}>
      <AppShell
        slug={slug}
        tenantName={m.value.tenant.name}
        role={m.value.role}
        permissions={[...ROLE_PERMISSIONS[m.value.role]]}
        userName={user.name}
      >
        {children}
      </AppShell>
      <OfflineQueueGuard slug={slug} />
    </TRPCProvider>
  );
}
