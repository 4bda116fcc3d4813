import { InvoicesPage } from "@/components/billing/invoices-page";

export const metadata = { title: "Consulta de comprobantes" };

export default async function Page({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ lote?: string | string[] }> }) {
  const p = await params;
  const lote = (await searchParams).lote;
  // A batch's page links here with ?lote=<id>: only a well-formed id preselects the filter.
  const batchId = typeof lote === "string" && /^[0-9a-f-]{36}$/i.test(lote) ? lote : "";
  return <InvoicesPage slug={p.slug} batchId={batchId} />;
}
