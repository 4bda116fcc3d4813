import type { ReactNode } from "react";
import { requirePermission } from "@/server/auth/page-membership";
import { EmptyState } from "@/components/ui/page";
import { AccountingTabs } from "@/components/accounting/common";

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await requirePermission(slug, "accounting.read"))) {
    return <EmptyState title="Tu rol no tiene acceso a la contabilidad">Pedile al dueño o a un administrador si lo necesitás.</EmptyState>;
  }
  return (
    <div>
      <AccountingTabs slug={slug} />
      {children}
    </div>
  );
}
