import "server-only";
import { getToken } from "next-auth/jwt";
import { decodeSessionJwt } from "../auth/session-jwt";
import type { NextRequest } from "next/server";
import type { Tx } from "../db/client";
import { withSessionMembership, type Membership } from "../db/with-tenant";
import { can, type Permission } from "../auth/permissions";
import { env } from "../env";
import { refuseForeignBody } from "../http/request-guard";

// The one door of the terminal's route handlers (plain JSON, so the service worker can call
// them too): the user from the session cookie, the business from the URL slug, the session
// version, the membership and the permission — all in ONE transaction, which the handler's
// read runs in as well. Never anything from the request body.

export type PosAuth = { user: { id: string; name: string; email: string }; tenant: Membership["tenant"]; role: Membership["role"] };

export const jsonError = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });

export const jsonOk = (body: unknown) => Response.json(body, { headers: { "cache-control": "no-store" } });

/** Writes must come from our own pages (Origin / Sec-Fetch-Site) and be JSON: the shared rule. */
const checkWrite = (req: NextRequest): Response | null => refuseForeignBody(req);

/**
 * Checks the request and runs `inTx` inside the membership transaction (tenant already set).
 * Returns a Response to send as is (401/403/404/415), or the auth and `inTx`'s value.
 */
export async function posRoute<T>(
  req: NextRequest,
  slug: string,
  permission: Permission,
  inTx: (tx: Tx, auth: PosAuth) => Promise<T> = async () => undefined as T,
): Promise<Response | { auth: PosAuth; value: T }> {
  const bad = checkWrite(req);
  if (bad) return bad;
  const jwt = await getToken({ req, secret: env().NEXTAUTH_SECRET, decode: decodeSessionJwt });
  const uid = typeof jwt?.uid === "string" ? jwt.uid : null;
  if (!uid) return jsonError(401, "UNAUTHENTICATED", "Tu sesión terminó. Ingresá de nuevo para sincronizar.");
  let denied = false;
  const r = await withSessionMembership({ userId: uid, sessionVersion: Number(jwt?.sv ?? 1), sessionId: typeof jwt?.sid === "string" ? jwt.sid : null }, slug, async (tx, user, m) => {
    if (!can(m.role, permission)) {
      denied = true;
      return undefined as T;
    }
    return inTx(tx, { user, tenant: m.tenant, role: m.role });
  });
  if (r.status === "UNAUTHENTICATED") return jsonError(401, "UNAUTHENTICATED", "Tu sesión terminó. Ingresá de nuevo para sincronizar.");
  if (r.status === "NO_MEMBERSHIP") return jsonError(404, "NOT_FOUND", "No tenés acceso a ese negocio.");
  if (denied) return jsonError(403, "FORBIDDEN", "Tu rol no permite esta acción.");
  return { auth: { user: r.user, tenant: r.membership.tenant, role: r.membership.role }, value: r.value };
}
