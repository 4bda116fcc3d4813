import { ReviewPage } from "@/components/counts/review-page";

export const metadata = { title: "Revisión de conteo" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  return <ReviewPage slug={p.slug} countId={p.id} />;
}
