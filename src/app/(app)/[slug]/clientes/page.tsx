import { CustomersPage } from "@/components/billing/customers-page";
import { withPrefetch } from "@/server/api/server-trpc";

export const metadata = { title: "Clientes" };

// The list renders with the page (CustomersPage's first query: no search, inactive included).
export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return withPrefetch(p.slug, (t) => [t.customers.list.prefetch({ search: undefined, includeInactive: true })], <CustomersPage slug={p.slug} />);
}
