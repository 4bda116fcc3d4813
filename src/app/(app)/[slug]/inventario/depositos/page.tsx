import { WarehousesPage } from "@/components/inventory/catalog-pages";

export const metadata = { title: "Depósitos" };

export default function Page() {
  return <WarehousesPage />;
}
