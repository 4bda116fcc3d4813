import "server-only";
import { z } from "zod";
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, type Permission, type Role } from "@/lib/permissions";
import type { SessionUser } from "../auth/session-user";

export const ZSessionUserResponse = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export const ZCurrentMembershipResponse = z.object({
  tenant: z.object({ slug: z.string(), name: z.string(), kind: z.string() }),
  role: z.enum(ROLES),
  permissions: z.array(z.enum(PERMISSIONS)),
  user: ZSessionUserResponse,
});
export type TCurrentMembershipResponse = z.infer<typeof ZCurrentMembershipResponse>;

/** The current business, the user's role and what that role may do (the UI hides the rest). */
export function describeCurrentMembership(m: { tenant: { slug: string; name: string; kind: string }; role: Role; user: SessionUser }): TCurrentMembershipResponse {
  return {
    tenant: { slug: m.tenant.slug, name: m.tenant.name, kind: m.tenant.kind },
    role: m.role,
    permissions: [...ROLE_PERMISSIONS[m.role]] as Permission[],
    user: m.user,
  };
}
