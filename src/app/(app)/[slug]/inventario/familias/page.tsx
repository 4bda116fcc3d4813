import { FamiliesPage } from "@/components/inventory/catalog-pages";

export const metadata = { title: "Familias" };

export default function Page() {
  return <FamiliesPage />;
}
