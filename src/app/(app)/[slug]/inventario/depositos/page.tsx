import { WarehousesPage } from "@/components/inventory/warehouses-page";

export const metadata = { title: "Depósitos" };

export default function Page() {
  return <WarehousesPage />;
}
