import { BatchDetail } from "@/components/billing/batches-page";

export const metadata = { title: "Lote de facturación" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  return <BatchDetail slug={p.slug} id={p.id} />;
}
