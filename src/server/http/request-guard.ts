import "server-only";
import { env } from "../env";

const json = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } });

/**
 * Route handlers that take a body: only from our own pages (the Origin, or Sec-Fetch-Site
 * when a client sends no Origin, must be this site) and only JSON (a form or text/plain post
 * from another site, which needs no CORS preflight, is refused before anything runs).
 */
export function refuseForeignBody(req: Request): Response | null {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return null;
  const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") return json(415, "UNSUPPORTED_MEDIA_TYPE", "El envío debe ser JSON (Content-Type: application/json).");
  const origin = req.headers.get("origin");
  if (origin) {
    if (!sameSite(origin, req)) return json(403, "FORBIDDEN", "Origen no permitido.");
  } else if (req.headers.get("sec-fetch-site") === "cross-site") {
    return json(403, "FORBIDDEN", "Origen no permitido.");
  }
  return null;
}

function sameSite(origin: string, req: Request): boolean {
  let o: URL;
  try {
    o = new URL(origin);
  } catch {
    return false;
  }
  const configured = env().NEXTAUTH_URL;
  if (configured && new URL(configured).origin === o.origin) return true;
  // The Host the request came to (what the browser's address bar shows, without a proxy rewriting it).
  const host = req.headers.get("host");
  return !!host && o.host === host && (o.protocol === "http:" || o.protocol === "https:");
}

/** tRPC batches are capped: one HTTP request runs at most this many procedures. */
export const MAX_TRPC_BATCH = 20;

export function refuseLargeBatch(req: Request, endpoint: string): Response | null {
  const url = new URL(req.url);
  if (!url.searchParams.has("batch")) return null;
  const paths = decodeURIComponent(url.pathname.slice(endpoint.length + 1)).split(",");
  if (paths.length > MAX_TRPC_BATCH) return json(400, "BAD_REQUEST", `Como máximo ${MAX_TRPC_BATCH} consultas por envío.`);
  return null;
}
