import { OrderDetailPage } from "@/components/purchasing/order-detail-page";

export const metadata = { title: "Orden de compra" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  return <OrderDetailPage slug={p.slug} id={p.id} />;
}
