import { FamiliesPage } from "@/components/inventory/families-page";

export const metadata = { title: "Familias" };

export default function Page() {
  return <FamiliesPage />;
}
