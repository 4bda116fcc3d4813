import type { ReactNode } from "react";
import { currentUser } from "@/server/auth/session";
import { withMembership } from "@/server/db/with-tenant";
import { can } from "@/server/auth/permissions";
import { EmptyState } from "@/components/ui/page";
import { AccountingTabs } from "@/components/accounting/common";

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) return null;
  const m = await withMembership(user.id, slug, async (_tx, membership) => membership);
  if (!m.found) return null;
  if (!can(m.value.role, "accounting.read")) {
    return <EmptyState title="Tu rol no tiene acceso a la contabilidad">Pedile al dueño o a un administrador si lo necesitás.</EmptyState>;
  }
  return (
    <div>
      <AccountingTabs slug={slug} />
      {children}
    </div>
  );
}
