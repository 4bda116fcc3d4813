import { getPageMembership } from "@/server/auth/page-membership";
import { can } from "@/lib/permissions";
import { FiscalDocumentView } from "@/components/fiscal/document-view";

export const metadata = { title: "Comprobante" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { role } = await getPageMembership(slug);
  return <FiscalDocumentView slug={slug} id={id} canRetry={can(role, "fiscal.issue")} />;
}
