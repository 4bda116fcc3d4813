import { PageHeader } from "@/components/ui/page";
import { ReportTabs } from "@/components/reports/report-nav";
import { SalesReportPage } from "@/components/reports/sales-report-page";
import { reportAccess } from "../access";

export const metadata = { title: "Ventas y márgenes" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await reportAccess(slug);
  if (!access) return null;
  return (
    <div>
      <PageHeader title="Ventas y márgenes" description="Ventas brutas, descuentos, anulaciones, netas, costo de los lotes consumidos y margen." />
      <ReportTabs slug={slug} current="/reportes/ventas" />
      <SalesReportPage today={access.today} />
    </div>
  );
}
