import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./authenticate";
import { env } from "../env";
import { clientIp } from "../http/client-ip";
import { randomUUID } from "node:crypto";
import { revokeSession } from "./revoke-session";
import { log } from "../log";
import { safeCallbackPath } from "@/lib/safe-redirect";

// The JWT carries the user id and session version only; membership and role are
// resolved per request from the database (src/server/api/trpc.ts).
export const authOptions = (): NextAuthOptions => ({
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/ingresar" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        // Never a client-controlled header: the address our server front resolved (client-ip.ts).
        const ip = clientIp((req?.headers ?? {}) as Record<string, string | undefined>);
        let result;
        try {
          result = await authenticate(credentials?.email ?? "", credentials?.password ?? "", ip);
        } catch (e) {
          // next-auth sends a thrown message to the browser: never let SQL or internals through.
          log.error({ err: e }, "sign-in failed unexpectedly");
          throw new Error("UNAVAILABLE");
        }
        if (!result.ok) throw new Error(result.reason);
        return { id: result.user.id, name: result.user.name, email: result.user.email, sv: result.user.sessionVersion };
      },
    }),
  ],
  events: {
    // Sign-out really ends this session: its id is refused from now on, wherever the cookie is replayed.
    async signOut({ token }) {
      if (token) await revokeSession(token as { uid?: unknown; sid?: unknown; exp?: unknown });
    },
  },
  callbacks: {
    // Redirects after sign-in/out: same-origin paths only.
    redirect({ url, baseUrl }) {
      if (url.startsWith(baseUrl + "/")) return baseUrl + safeCallbackPath(url.slice(baseUrl.length));
      return baseUrl + safeCallbackPath(url, "/");
    },
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sv?: number }).sv ?? 1;
        // This sign-in's own id, kept across token refreshes: sign-out revokes it (revoke-session.ts).
        token.sid = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string };
    },
  },
});
