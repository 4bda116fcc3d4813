import { PayablesPage } from "@/components/purchasing/payables-page";

export const metadata = { title: "Cuentas a pagar" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return <PayablesPage slug={p.slug} />;
}
