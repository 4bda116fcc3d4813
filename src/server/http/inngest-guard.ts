import "server-only";
import { env } from "../env";
import { clientIp, isLoopback } from "./client-ip";

const LOCAL_HOSTS = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/**
 * /api/inngest runs background functions for whoever may call it. With a signing key the SDK
 * verifies Inngest's signature on every call. Without one (a development machine with the
 * Inngest dev server) it answers only local callers: the address our server front resolved
 * must be loopback, or — under `next dev`, which has no front — the development host must be
 * localhost. Production never gets here: it refuses to start without the keys (env.ts).
 */
export function inngestRefusal(req: Request): Response | null {
  const e = env();
  if (e.INNGEST_SIGNING_KEY) return null;
  const ip = clientIp(req.headers);
  const local =
    ip !== "unresolved"
      ? isLoopback(ip)
      : e.NODE_ENV === "development" && LOCAL_HOSTS.test(new URL(req.url).host) && !req.headers.get("x-forwarded-for");
  if (local) return null;
  return Response.json(
    { error: { code: "FORBIDDEN", message: "Sin INNGEST_SIGNING_KEY, /api/inngest solo responde en esta máquina." } },
    { status: 403, headers: { "cache-control": "no-store" } },
  );
}
