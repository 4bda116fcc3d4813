import { StockConflictsPage } from "@/components/offline-pos/stock-conflicts-page";

export const metadata = { title: "Conflictos de stock" };

export default function Page() {
  return <StockConflictsPage />;
}
