import { currentUser } from "@/server/auth/session";
import { withMembership } from "@/server/db/with-tenant";
import { can } from "@/server/auth/permissions";
import { FiscalDocumentsPage } from "@/components/fiscal/documents-page";

export const metadata = { title: "Facturación ARCA (ex AFIP)" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) return null;
  const m = await withMembership(user.id, slug, async (_tx, membership) => membership);
  if (!m.found) return null;
  return <FiscalDocumentsPage slug={slug} canRetry={can(m.value.role, "fiscal.issue")} canConfigure={can(m.value.role, "tenant.settings")} />;
}
