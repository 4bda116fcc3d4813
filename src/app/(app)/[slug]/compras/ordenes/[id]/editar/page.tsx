import { OrderForm } from "@/components/purchasing/order-form";

export const metadata = { title: "Editar orden de compra" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  return <OrderForm slug={p.slug} orderId={p.id} />;
}
