import { ProductsPage } from "@/components/inventory/products-page";

export const metadata = { title: "Inventario" };

export default function Page() {
  return <ProductsPage />;
}
