import { DirectReceiptPage } from "@/components/purchasing/direct-receipt-page";

export const metadata = { title: "Recepción sin orden" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <DirectReceiptPage slug={slug} />;
}
