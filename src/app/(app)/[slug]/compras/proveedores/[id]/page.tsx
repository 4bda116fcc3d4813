import { SupplierStatementPage } from "@/components/purchasing/supplier-statement-page";

export const metadata = { title: "Cuenta corriente del proveedor" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  return <SupplierStatementPage slug={p.slug} id={p.id} />;
}
