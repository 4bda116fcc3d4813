import { PosPage } from "@/components/pos/pos-page";

export const metadata = { title: "Punto de venta" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <PosPage slug={slug} />;
}
