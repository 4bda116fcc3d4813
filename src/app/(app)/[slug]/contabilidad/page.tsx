import { JournalPage } from "@/components/accounting/journal-page";
import { memberCan } from "./access";

export const metadata = { title: "Asientos contables" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <JournalPage slug={slug} canWrite={await memberCan(slug, "accounting.write")} />;
}
