import { BatchesPage } from "@/components/billing/batches-page";

export const metadata = { title: "Lotes de facturación" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return <BatchesPage slug={p.slug} />;
}
