import type { ReactNode } from "react";
import { getPageMembership } from "@/server/auth/page-membership";
import { AppShell } from "@/components/shell/app-shell";
import { PermissionsProvider } from "@/components/auth/permissions";
import { TRPCProvider } from "@/lib/trpc/react";
import { OfflineQueueGuard } from "@/components/offline-pos/offline-queue-guard";
import { TimeZoneProvider } from "@/components/shell/time-zone";
import { businessTimeZone } from "@/lib/business-settings";
import { serverTrpc } from "@/server/api/server-trpc";

export const dynamic = "force-dynamic";

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const m = await getPageMembership(slug);
  // The shell's own queries (business switcher, notifications bell) come with the page, not after it.
  const { trpc, HydrateClient } = await serverTrpc(slug);
  await Promise.all([trpc.tenancy.myBusinesses.prefetch(), trpc.notifications.unreadCount.prefetch()]);
  return (
    <TRPCProvider tenantSlug={slug} key={slug}>
      <HydrateClient>
        <TimeZoneProvider timeZone={businessTimeZone(m.tenant.settings)}>
          <PermissionsProvider permissions={m.permissions}>
            <AppShell slug={slug} tenantName={m.tenant.name} role={m.role} permissions={m.permissions} userName={m.user.name}>
              {children}
            </AppShell>
          </PermissionsProvider>
        </TimeZoneProvider>
        <OfflineQueueGuard slug={slug} />
      </HydrateClient>
    </TRPCProvider>
  );
}
