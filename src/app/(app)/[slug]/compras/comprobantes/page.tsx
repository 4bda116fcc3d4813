import { SupplierInvoicesPage } from "@/components/accounting/supplier-invoices-page";
import { memberCan } from "../../contabilidad/access";

export const metadata = { title: "Comprobantes de proveedores" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <SupplierInvoicesPage canWrite={await memberCan(slug, "purchasing.write")} />;
}
