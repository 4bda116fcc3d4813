import { SuggestionsPage } from "@/components/purchasing/suggestions-page";
import { withPrefetch } from "@/server/api/server-trpc";

export const metadata = { title: "Sugerencias de reposición" };

// Suggestions and suppliers render with the page instead of after a client fetch.
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return withPrefetch(p.slug, (t) => [t.purchasing.suggestions.prefetch(), t.purchasing.suppliers.prefetch()], <SuggestionsPage slug={p.slug} />);
}
