import { FolioDetail } from "@/components/billing/folio-detail";

export const metadata = { title: "Folio" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  return <FolioDetail slug={p.slug} id={p.id} />;
}
