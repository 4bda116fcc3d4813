import { InvoicesPage } from "@/components/billing/invoices-page";

export const metadata = { title: "Consulta de comprobantes" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return <InvoicesPage slug={p.slug} />;
}
