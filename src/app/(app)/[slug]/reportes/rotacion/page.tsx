import { PageHeader } from "@/components/ui/page";
import { ReportTabs } from "@/components/reports/report-nav";
import { RotationReportPage } from "@/components/reports/rotation-report-page";
import { reportAccess } from "../access";

export const metadata = { title: "Rotación de stock" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await reportAccess(slug);
  if (!access) return null;
  return (
    <div>
      <PageHeader title="Rotación de stock" description="Qué se mueve y qué está quieto: unidades vendidas, stock promedio, días de stock y stock muerto." />
      <ReportTabs slug={slug} current="/reportes/rotacion" />
      <RotationReportPage today={access.today} />
    </div>
  );
}
