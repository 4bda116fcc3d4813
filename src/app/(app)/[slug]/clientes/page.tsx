import { CustomersPage } from "@/components/billing/customers-page";

export const metadata = { title: "Clientes" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return <CustomersPage slug={p.slug} />;
}
