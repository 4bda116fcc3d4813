import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { withSessionMembership, withUser, type Membership } from "../db/with-tenant";
import { listMyBusinesses, type TListMyBusinessesResponse } from "../tenancy/list-my-businesses";
import { ROLE_PERMISSIONS, can, type Permission } from "@/lib/permissions";
import { REQUEST_PATH_HEADER, returnPathInBusiness } from "@/lib/request-path";
import type { SessionUser } from "./session-user";
import { currentUser, sessionToken, type SessionToken } from "./session";

// The one door for pages and layouts (they never touch db/): the same single transaction
// tRPC's tenantProcedure uses checks the session's user and the membership. Cached per
// request, so a layout and its page rendering in parallel cost one transaction.

export type PageMembership = {
  user: SessionUser;
  tenant: Membership["tenant"];
  role: Membership["role"];
  /** What the role may do; the layout hands it to the client PermissionsProvider. */
  permissions: Permission[];
};

export type PageMembershipResult = { status: "UNAUTHENTICATED" } | { status: "NO_MEMBERSHIP" } | ({ status: "OK" } & PageMembership);

/** The check itself, given the session token (testable without a request). */
export async function resolvePageMembership(token: SessionToken | null, slug: string): Promise<PageMembershipResult> {
  if (!token) return { status: "UNAUTHENTICATED" };
  const r = await withSessionMembership({ userId: token.uid, sessionVersion: token.sv, sessionId: token.sid }, slug, async () => null);
  if (r.status !== "OK") return { status: r.status };
  const { tenant, role } = r.membership;
  return { status: "OK", user: r.user, tenant, role, permissions: [...ROLE_PERMISSIONS[role]] };
}

const lookup = cache(async (slug: string) => resolvePageMembership(await sessionToken(), slug));

/**
 * The signed-in user's membership in `slug`. Not signed in → the sign-in page, coming back to
 * `returnTo` (default: the very page asked for, as the proxy reports it, else the business
 * home); not a member → 404.
 */
export async function getPageMembership(slug: string, returnTo?: string): Promise<PageMembership> {
  const r = await lookup(slug);
  if (r.status === "UNAUTHENTICATED") {
    const back = returnTo ?? returnPathInBusiness((await headers()).get(REQUEST_PATH_HEADER), slug) ?? `/${slug}`;
    redirect(`/ingresar?callbackUrl=${encodeURIComponent(back)}`);
  }
  if (r.status === "NO_MEMBERSHIP") notFound();
  return r;
}

/** The membership when its role has `permission`, else null (the page shows why). */
export async function requirePermission(slug: string, permission: Permission, returnTo?: string): Promise<PageMembership | null> {
  const m = await getPageMembership(slug, returnTo);
  return can(m.role, permission) ? m : null;
}

/** The signed-in user's businesses (for "Mis negocios" and the sign-in's landing), or null when signed out. */
export const getMyBusinesses = cache(async (): Promise<TListMyBusinessesResponse | null> => {
  const token = await sessionToken();
  const user = token ? await currentUser() : null;
  if (!user) return null;
  return withUser(user.id, (tx) => listMyBusinesses(tx, user.id));
});
