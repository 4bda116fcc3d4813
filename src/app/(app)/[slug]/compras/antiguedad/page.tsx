import { AgeingPage } from "@/components/purchasing/payables-page";

export const metadata = { title: "Antigüedad de deuda" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const p = await params;
  return <AgeingPage slug={p.slug} />;
}
