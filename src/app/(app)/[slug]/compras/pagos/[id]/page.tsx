import { Suspense } from "react";
import { PayableDetailPage } from "@/components/purchasing/payables-page";

export const metadata = { title: "Cuenta a pagar" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  return (
    <Suspense>
      <PayableDetailPage slug={p.slug} id={p.id} />
    </Suspense>
  );
}
