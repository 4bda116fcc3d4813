import { StatementPage } from "@/components/billing/statement-page";

export const metadata = { title: "Cuenta corriente" };

export default async function Page({ params }: { params: Promise<{ slug: string; customerId: string }> }) {
  const p = await params;
  return <StatementPage slug={p.slug} customerId={p.customerId} />;
}
