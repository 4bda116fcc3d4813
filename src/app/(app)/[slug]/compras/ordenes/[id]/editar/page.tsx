import { OrderForm } from "@/components/purchasing/order-form";
import { withPrefetch } from "@/server/api/server-trpc";

export const metadata = { title: "Editar orden de compra" };

// The form opens filled: the order and the suppliers come with the page.
export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  return withPrefetch(p.slug, (t) => [t.purchasing.suppliers.prefetch(), t.purchasing.order.prefetch({ id: p.id })], <OrderForm slug={p.slug} orderId={p.id} />);
}
