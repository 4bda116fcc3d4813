import { PageHeader } from "@/components/ui/page";
import { ReportTabs } from "@/components/reports/report-nav";
import { ExpiryReportPage } from "@/components/reports/expiry-report-page";
import { reportAccess } from "../access";

export const metadata = { title: "Vencimientos" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await reportAccess(slug);
  if (!access) return null;
  return (
    <div>
      <PageHeader title="Vencimientos" description="Stock por tramo de vencimiento, lotes en riesgo y pérdidas por vencimiento." />
      <ReportTabs slug={slug} current="/reportes/vencimientos" />
      <ExpiryReportPage today={access.today} />
    </div>
  );
}
