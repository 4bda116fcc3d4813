import { ReportPage } from "@/components/counts/report-page";

export const metadata = { title: "Informe de conteo" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  return <ReportPage slug={p.slug} countId={p.id} />;
}
