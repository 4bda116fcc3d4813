import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/page";
import { reportAccess } from "./access";

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!(await reportAccess(slug))) {
    return <EmptyState title="Tu rol no tiene acceso a los reportes">Pedile al dueño o a un administrador si los necesitás.</EmptyState>;
  }
  return <div>{children}</div>;
}
