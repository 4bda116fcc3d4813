import { PriceListPage } from "@/components/purchasing/price-list-page";

export const metadata = { title: "Lista de precios del proveedor" };

export default function Page() {
  return <PriceListPage />;
}
