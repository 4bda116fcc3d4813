import { ChartPage } from "@/components/accounting/chart-page";
import { memberCan } from "../access";

export const metadata = { title: "Plan de cuentas" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <ChartPage canWrite={await memberCan(slug, "accounting.write")} />;
}
