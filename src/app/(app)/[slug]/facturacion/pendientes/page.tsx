import { PendingPage } from "@/components/billing/pending-page";

export const metadata = { title: "Pendientes de facturación" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return <PendingPage slug={p.slug} />;
}
