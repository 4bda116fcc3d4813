import { SuppliersPage } from "@/components/purchasing/suppliers-page";

export const metadata = { title: "Proveedores" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return <SuppliersPage slug={p.slug} />;
}
