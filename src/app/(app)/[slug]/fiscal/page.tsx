import { getPageMembership } from "@/server/auth/page-membership";
import { can } from "@/lib/permissions";
import { FiscalDocumentsPage } from "@/components/fiscal/documents-page";

export const metadata = { title: "Facturación AFIP" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { role } = await getPageMembership(slug);
  return <FiscalDocumentsPage slug={slug} canRetry={can(role, "fiscal.issue")} canConfigure={can(role, "tenant.settings")} />;
}
