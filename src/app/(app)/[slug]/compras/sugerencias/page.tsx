import { SuggestionsPage } from "@/components/purchasing/suggestions-page";

export const metadata = { title: "Sugerencias de reposición" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return <SuggestionsPage slug={p.slug} />;
}
