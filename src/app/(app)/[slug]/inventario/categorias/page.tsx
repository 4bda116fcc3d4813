import { CategoriesPage } from "@/components/inventory/categories-page";

export const metadata = { title: "Categorías" };

export default function Page() {
  return <CategoriesPage />;
}
