import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { decodeSessionJwt } from "./session-jwt";
import { env } from "../env";
import { loadSessionUser, type SessionUser } from "./session-user";

/** uid + session version + session id (a signed-out session's id is revoked in the database). */
export type SessionToken = { uid: string; sv: number; sid?: string | null };

/** The next-auth JWT from the request's cookie (decoded once per request), or null. */
export const sessionToken = cache(async (): Promise<SessionToken | null> => {
  const jar = await cookies();
  const raw = jar.get("__Secure-next-auth.session-token")?.value ?? jar.get("next-auth.session-token")?.value;
  if (!raw) return null;
  const token = await decodeSessionJwt({ token: raw, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!token || typeof token.uid !== "string") return null;
  return { uid: token.uid, sv: Number(token.sv ?? 1), sid: typeof token.sid === "string" ? token.sid : null };
});

/** For server components outside a business (e.g. "Mis negocios"): the signed-in, still-valid user, or null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const token = await sessionToken();
  return token ? loadSessionUser(token.uid, token.sv, token.sid ?? null) : null;
});
