import { redirect } from "next/navigation";

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  redirect(`/${p.slug}/facturacion/pendientes`);
}
