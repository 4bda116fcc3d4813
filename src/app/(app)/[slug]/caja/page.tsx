import { CashReviewPage } from "@/components/pos/cash-review-page";
import { withPrefetch } from "@/server/api/server-trpc";

export const metadata = { title: "Cajas y arqueos" };

// Sessions, last sales and the role's permissions render with the page (they came after it).
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return withPrefetch(slug, (t) => [t.pos.sessions.prefetch(), t.pos.sales.prefetch({}), t.tenancy.current.prefetch()], <CashReviewPage slug={slug} />);
}
