import { OrderPrintPage } from "@/components/purchasing/order-print-page";
import { getPageMembership } from "@/server/auth/page-membership";
import { withPrefetch } from "@/server/api/server-trpc";

export const metadata = { title: "Orden de compra para imprimir" };

// The order renders with the page (it came after a client fetch).
export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  const { tenant } = await getPageMembership(p.slug, `/${p.slug}/compras/ordenes/${p.id}/imprimir`);
  return withPrefetch(p.slug, (t) => [t.purchasing.order.prefetch({ id: p.id })], <OrderPrintPage slug={p.slug} id={p.id} businessName={tenant.name} />);
}
