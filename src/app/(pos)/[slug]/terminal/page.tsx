import type { Metadata } from "next";
import { requirePermission } from "@/server/auth/page-membership";
import { OfflinePosTerminal } from "@/components/offline-pos/offline-pos-terminal";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { slug } = await params;
  return {
    title: "Terminal de venta",
    manifest: `/${slug}/terminal/manifest.webmanifest`,
    appleWebApp: { capable: true, title: "Caja", statusBarStyle: "default" },
    icons: { apple: "/icons/apple-touch-icon.png" },
  };
}

/**
 * The installable register. Rendered once online (auth + membership checked here); after
 * that the service worker serves this page from its cache and everything runs locally.
 */
export default async function TerminalPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await requirePermission(slug, "pos.sell", `/${slug}/terminal`))) {
    return (
      <main className="mx-auto max-w-lg p-8">
        <h1 className="text-xl font-semibold">Terminal de venta</h1>
        <p className="mt-2 text-slate-700">Tu rol no permite vender en este negocio.</p>
      </main>
    );
  }
  return <OfflinePosTerminal slug={slug} closeSessionHref={`/${slug}/pos`} />;
}
