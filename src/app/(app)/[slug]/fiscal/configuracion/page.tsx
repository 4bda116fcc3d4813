import { currentUser } from "@/server/auth/session";
import { withMembership } from "@/server/db/with-tenant";
import { can } from "@/lib/permissions";
import { FiscalSettingsPage } from "@/components/fiscal/settings-page";
import { EmptyState } from "@/components/ui/page";

export const metadata = { title: "Configuración fiscal" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) return null;
  const m = await withMembership(user.id, slug, async (_tx, membership) => membership);
  if (!m.found) return null;
  if (!can(m.value.role, "tenant.settings")) {
    return <EmptyState title="Solo el dueño o un administrador puede cambiar la configuración fiscal" />;
  }
  return <FiscalSettingsPage slug={slug} allowFake={process.env.NODE_ENV !== "production"} />;
}
