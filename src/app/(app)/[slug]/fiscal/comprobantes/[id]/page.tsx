import { currentUser } from "@/server/auth/session";
import { withMembership } from "@/server/db/with-tenant";
import { can } from "@/lib/permissions";
import { FiscalDocumentView } from "@/components/fiscal/document-view";

export const metadata = { title: "Comprobante" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const user = await currentUser();
  if (!user) return null;
  const m = await withMembership(user.id, slug, async (_tx, membership) => membership);
  if (!m.found) return null;
  return <FiscalDocumentView slug={slug} id={id} canRetry={can(m.value.role, "fiscal.issue")} />;
}
