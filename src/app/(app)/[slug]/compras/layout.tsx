import type { ReactNode } from "react";
import { currentUser } from "@/server/auth/session";
import { withMembership } from "@/server/db/with-tenant";
import { can } from "@/lib/permissions";
import { EmptyState } from "@/components/ui/page";
import { PurchasingTabs } from "@/components/purchasing/common";

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const user = await currentUser();
  if (!user) return null;
  const m = await withMembership(user.id, slug, async (_tx, membership) => membership);
  if (!m.found) return null;
  if (!can(m.value.role, "purchasing.read")) {
    return <EmptyState title="Tu rol no tiene acceso a compras">Pedile al dueño o a un administrador si lo necesitás.</EmptyState>;
  }
  return (
    <div>
      <PurchasingTabs slug={slug} />
      {children}
    </div>
  );
}
