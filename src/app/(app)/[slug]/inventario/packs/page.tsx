import { PacksPage } from "@/components/inventory/packs-page";

export const metadata = { title: "Packs" };

export default function Page() {
  return <PacksPage />;
}
