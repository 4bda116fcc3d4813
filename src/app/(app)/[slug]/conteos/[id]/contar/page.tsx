import { CountingPage } from "@/components/counts/counting-page";

export const metadata = { title: "Contar" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  return <CountingPage slug={p.slug} countId={p.id} />;
}
