import { ValuationPage } from "@/components/inventory/valuation-page";

export const metadata = { title: "Valorización" };

export default function Page() {
  return <ValuationPage />;
}
