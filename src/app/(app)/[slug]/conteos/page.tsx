import { CountsPage } from "@/components/counts/counts-page";

export const metadata = { title: "Conteos" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return <CountsPage slug={p.slug} />;
}
