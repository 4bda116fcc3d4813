import { AgeingPage } from "@/components/purchasing/payables-page";
import { withPrefetch } from "@/server/api/server-trpc";

export const metadata = { title: "Antigüedad de deuda" };

// The ageing table renders with the page.
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return withPrefetch(p.slug, (t) => [t.purchasing.ageing.prefetch()], <AgeingPage slug={p.slug} />);
}
