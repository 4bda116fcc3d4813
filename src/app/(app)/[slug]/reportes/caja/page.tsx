import { PageHeader } from "@/components/ui/page";
import { ReportTabs } from "@/components/reports/report-nav";
import { CashDeviationsPage } from "@/components/reports/cash-deviations-page";
import { reportAccess } from "../access";

export const metadata = { title: "Desvíos de caja" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await reportAccess(slug);
  if (!access) return null;
  return (
    <div>
      <PageHeader title="Desvíos de caja" description="Lo declarado en los cierres ciegos contra lo esperado, por día, cajero o caja." />
      <ReportTabs slug={slug} current="/reportes/caja" />
      <CashDeviationsPage today={access.today} />
    </div>
  );
}
