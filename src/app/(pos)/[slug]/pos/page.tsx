import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/page-membership";
import { TRPCProvider } from "@/lib/trpc/react";
import { Terminal } from "@/components/terminal/terminal";
import { TimeZoneProvider } from "@/components/shell/time-zone";
import { businessTimeZone } from "@/lib/business-settings";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  return {
    title: "Punto de venta",
    manifest: `/${slug}/pos/manifest.webmanifest`,
    appleWebApp: { capable: true, title: "Caja", statusBarStyle: "default" },
    icons: { apple: "/icons/apple-touch-icon.png" },
  };
}

/**
 * The one point of sale (installable). Rendered once online (auth + membership checked
 * here); after that the service worker serves this page from its cache and everything runs
 * on the local catalog and queue, online or not.
 */
export default async function PosPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const m = await requirePermission(slug, "pos.sell", `/${slug}/pos`);
  if (!m) {
    return (
      <main className="mx-auto max-w-lg p-8">
        <h1 className="text-xl font-semibold">Punto de venta</h1>
        <p className="mt-2 text-slate-700">Tu rol no permite vender en este negocio.</p>
      </main>
    );
  }
  return (
    <TRPCProvider tenantSlug={slug} key={slug}>
      <TimeZoneProvider timeZone={businessTimeZone(m.tenant.settings)}>
        <Terminal slug={slug} />
      </TimeZoneProvider>
    </TRPCProvider>
  );
}
