import "server-only";
import { currentUser } from "@/server/auth/session";
import { withMembership } from "@/server/db/with-tenant";
import { can, type Permission } from "@/server/auth/permissions";

/** Whether the signed-in member of `slug` holds `permission` (the layout already checked access). */
export async function memberCan(slug: string, permission: Permission): Promise<boolean> {
  const user = await currentUser();
  if (!user) return false;
  const m = await withMembership(user.id, slug, async (_tx, membership) => membership);
  return m.found && can(m.value.role, permission);
}
