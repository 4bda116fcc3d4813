import { OrdersPage } from "@/components/purchasing/orders-page";
import { withPrefetch } from "@/server/api/server-trpc";

export const metadata = { title: "Órdenes de compra" };

// Every order (OrdersPage's first query, no status filter) renders with the page.
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return withPrefetch(p.slug, (t) => [t.purchasing.orders.prefetch(undefined)], <OrdersPage slug={p.slug} />);
}
