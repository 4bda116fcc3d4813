import { ReceivePage } from "@/components/purchasing/receive-page";

export const metadata = { title: "Recibir mercadería" };

export default async function Page({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const p = await params;
  return <ReceivePage slug={p.slug} id={p.id} />;
}
