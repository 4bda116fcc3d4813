import { Suspense } from "react";
import { MovementsPage } from "@/components/inventory/movements-page";

export const metadata = { title: "Movimientos" };

export default function Page() {
  return (
    <Suspense>
      <MovementsPage />
    </Suspense>
  );
}
