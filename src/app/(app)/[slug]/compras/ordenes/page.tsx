import { OrdersPage } from "@/components/purchasing/orders-page";

export const metadata = { title: "Órdenes de compra" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return <OrdersPage slug={p.slug} />;
}
