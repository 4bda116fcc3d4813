import { WriteOffPage } from "@/components/inventory/write-off-page";

export const metadata = { title: "Bajas por rotura o pérdida" };

export default function Page() {
  return <WriteOffPage />;
}
