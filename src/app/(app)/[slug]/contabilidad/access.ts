import "server-only";
import { getPageMembership } from "@/server/auth/page-membership";
import { can, type Permission } from "@/lib/permissions";

/** Whether the signed-in member of `slug` holds `permission` (the layout already checked access). */
export async function memberCan(slug: string, permission: Permission): Promise<boolean> {
  const m = await getPageMembership(slug);
  return can(m.role, permission);
}
