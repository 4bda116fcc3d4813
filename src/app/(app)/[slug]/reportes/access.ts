import "server-only";
import { cache } from "react";
import { currentUser } from "@/server/auth/session";
import { withMembership } from "@/server/db/with-tenant";
import { can } from "@/server/auth/permissions";
import { businessClock } from "@/server/reports/common";

/** The report pages' door: null without reports.read, else the business's today. */
export const reportAccess = cache(async (slug: string) => {
  const user = await currentUser();
  if (!user) return null;
  const m = await withMembership(user.id, slug, async (tx, membership) =>
    can(membership.role, "reports.read") ? (await businessClock(tx)).today : null,
  );
  return m.found && m.value ? { today: m.value } : null;
});
