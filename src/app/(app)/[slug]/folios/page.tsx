import { FoliosPage } from "@/components/billing/folios-page";

export const metadata = { title: "Folios" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return <FoliosPage slug={p.slug} />;
}
