import type { ReactNode } from "react";
import { PurchasingTabs } from "@/components/purchasing/common";

export default async function Layout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return (
    <div>
      <PurchasingTabs slug={slug} />
      {children}
    </div>
  );
}
