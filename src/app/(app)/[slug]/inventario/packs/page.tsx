import { PacksPage } from "@/components/inventory/catalog-pages";

export const metadata = { title: "Packs" };

export default function Page() {
  return <PacksPage />;
}
