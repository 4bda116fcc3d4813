import type { ReactNode } from "react";
import { requirePermission } from "@/server/auth/page-membership";
import { EmptyState } from "@/components/ui/page";
import { PurchasingTabs } from "@/components/purchasing/common";

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await requirePermission(slug, "purchasing.read"))) {
    return <EmptyState title="Tu rol no tiene acceso a compras">Pedile al dueño o a un administrador si lo necesitás.</EmptyState>;
  }
  return (
    <div>
      <PurchasingTabs slug={slug} />
      {children}
    </div>
  );
}
