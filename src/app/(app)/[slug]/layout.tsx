import type { ReactNode } from "react";
import { getPageMembership } from "@/server/auth/page-membership";
import { AppShell } from "@/components/shell/app-shell";
import { PermissionsProvider } from "@/components/auth/permissions";
import { TRPCProvider } from "@/lib/trpc/react";
import { OfflineQueueGuard } from "@/components/offline-pos/offline-queue-guard";
import { TimeZoneProvider } from "@/components/shell/time-zone";
import { businessTimeZone } from "@/lib/business-settings";

export const dynamic = "force-dynamic";

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const m = await getPageMembership(slug);
  return (
    <TRPCProvider tenantSlug={slug} key={slug}>
      <TimeZoneProvider timeZone={businessTimeZone(m.tenant.settings)}>
        <PermissionsProvider permissions={m.permissions}>
          <AppShell slug={slug} tenantName={m.tenant.name} role={m.role} permissions={m.permissions} userName={m.user.name}>
            {children}
          </AppShell>
        </PermissionsProvider>
      </TimeZoneProvider>
      <OfflineQueueGuard slug={slug} />
    </TRPCProvider>
  );
}
