import { TicketView } from "@/components/pos/ticket-view";

export const metadata = { title: "Ticket" };

export default async function Page({ params }: { params: Promise<{ slug: string; saleId: string }> }) {
  const { slug, saleId } = await params;
  return <TicketView slug={slug} saleId={saleId} />;
}
