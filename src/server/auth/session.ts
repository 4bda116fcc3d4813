import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { env } from "../env";
import { loadSessionUser, type SessionUser } from "./session-user";

/** For server components: the signed-in, still-valid user (version and disabled flag checked), or null. */
export async function currentUser(): Promise<SessionUser | null> {
  const jar = await cookies();
  const raw = jar.get("__Secure-next-auth.session-token")?.value ?? jar.get("next-auth.session-token")?.value;
  if (!raw) return null;
  const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!token || typeof token.uid !== "string") return null;
  return loadSessionUser(token.uid, Number(token.sv ?? 1), typeof token.sid === "string" ? token.sid : null);
}
