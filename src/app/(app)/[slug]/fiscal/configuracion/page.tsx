import { requirePermission } from "@/server/auth/page-membership";
import { FiscalSettingsPage } from "@/components/fiscal/settings-page";
import { EmptyState } from "@/components/ui/page";

export const metadata = { title: "Configuración fiscal" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await requirePermission(slug, "tenant.settings"))) {
    return <EmptyState title="Solo el dueño o un administrador puede cambiar la configuración fiscal" />;
  }
  return <FiscalSettingsPage slug={slug} allowFake={process.env.NODE_ENV !== "production"} />;
}
