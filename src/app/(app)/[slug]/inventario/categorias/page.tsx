import { CategoriesPage } from "@/components/inventory/catalog-pages";

export const metadata = { title: "Categorías" };

export default function Page() {
  return <CategoriesPage />;
}
