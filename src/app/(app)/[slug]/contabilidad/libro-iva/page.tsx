import { LibroIvaPage } from "@/components/accounting/libro-iva-page";

export const metadata = { title: "Libro IVA Digital" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <LibroIvaPage slug={slug} />;
}
