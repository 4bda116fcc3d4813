import { OrderDetailPage } from "@/components/purchasing/order-detail-page";
import { getPageMembership } from "@/server/auth/page-membership";

export const metadata = { title: "Orden de compra" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  const { tenant } = await getPageMembership(p.slug, `/${p.slug}/compras/ordenes/${p.id}`);
  return <OrderDetailPage slug={p.slug} id={p.id} businessName={tenant.name} />;
}
