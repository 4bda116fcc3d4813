import { OrderForm } from "@/components/purchasing/order-form";

export const metadata = { title: "Nueva orden de compra" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return <OrderForm slug={p.slug} />;
}
