import "server-only";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { withMembership, type Membership } from "../db/with-tenant";
import { loadSessionUser, type SessionUser } from "../auth/session-user";
import { can, type Permission } from "../auth/permissions";
import { env } from "../env";

// Auth for the offline POS route handlers (plain JSON so the service worker can call them):
// the user from the session cookie, the business from the URL slug plus a membership check,
// and the permission from the role matrix. Never anything from the request body.

export type PosRequestAuth = { user: SessionUser; tenant: Membership["tenant"]; role: Membership["role"] };

export const jsonError = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });

export async function authorizePosRequest(req: NextRequest, slug: string, permission: Permission): Promise<PosRequestAuth | Response> {
  const jwt = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  const uid = typeof jwt?.uid === "string" ? jwt.uid : null;
  const user = uid ? await loadSessionUser(uid, Number(jwt?.sv ?? 1)) : null;
  if (!user) return jsonError(401, "UNAUTHENTICATED", "Tu sesión terminó. Ingresá de nuevo para sincronizar.");
  const m = await withMembership(user.id, slug, async (_tx, membership) => membership);
  if (!m.found) return jsonError(404, "NOT_FOUND", "No tenés acceso a ese negocio.");
  if (!can(m.value.role, permission)) return jsonError(403, "FORBIDDEN", "Tu rol no permite esta acción.");
  return { user, tenant: m.value.tenant, role: m.value.role };
}
