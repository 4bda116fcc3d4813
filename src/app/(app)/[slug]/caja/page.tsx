import { CashReviewPage } from "@/components/pos/cash-review-page";

export const metadata = { title: "Cajas y arqueos" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <CashReviewPage slug={slug} />;
}
