import { PageHeader } from "@/components/ui/page";
import { ReportTabs } from "@/components/reports/report-nav";
import { ValuationReportPage } from "@/components/reports/valuation-report-page";
import { reportAccess } from "../access";

export const metadata = { title: "Valorización del stock" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await reportAccess(slug);
  if (!access) return null;
  return (
    <div>
      <PageHeader title="Valorización del stock" description="Cuánto vale lo que hay en los depósitos." />
      <ReportTabs slug={slug} current="/reportes/valorizacion" />
      <ValuationReportPage />
    </div>
  );
}
