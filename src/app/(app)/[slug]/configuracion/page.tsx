import { requirePermission } from "@/server/auth/page-membership";
import { BusinessSettingsPage } from "@/components/business/business-settings-page";
import { EmptyState } from "@/components/ui/page";

export const metadata = { title: "Datos del negocio" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await requirePermission(slug, "tenant.settings"))) {
    return <EmptyState title="Solo el dueño o un administrador puede cambiar los datos del negocio" />;
  }
  return <BusinessSettingsPage slug={slug} />;
}
