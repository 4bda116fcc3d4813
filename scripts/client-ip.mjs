// Which address is the client's: the socket's, or — behind `hops` trusted reverse proxies —
// the entry that many positions from the right of X-Forwarded-For (each proxy appends the
// address it saw). Entries further left were written by the client and are never trusted.
// Plain JS: used by the production server (scripts/serve.mjs) and by the app's tests.
/**
 * @param {string | undefined} socketAddress
 * @param {string | string[] | undefined | null} forwardedFor
 * @param {number} hops
 * @returns {string}
 */
export function resolveClientIp(socketAddress, forwardedFor, hops) {
  const socket = normalize(socketAddress ?? "") || "unknown";
  if (!hops) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "";
  const chain = [...header.split(",").map((s) => normalize(s.trim())).filter(Boolean), socket];
  return chain[Math.max(0, chain.length - 1 - hops)] ?? socket;
}

/** "::ffff:10.0.0.1" → "10.0.0.1"; anything that is not an address → "" (never a key an attacker shapes). */
function normalize(a) {
  const v = a.startsWith("::ffff:") ? a.slice(7) : a;
  return /^[0-9a-fA-F:.]{2,45}$/.test(v) ? v.toLowerCase() : "";
}

/**
 * Overwrites what the client sent about its address: the resolved address and the token
 * vouching for it (checked by src/server/http/client-ip.ts). With no trusted proxy the
 * forwarded header becomes the socket address too.
 * @param {import("node:http").IncomingMessage} req
 * @param {number} hops
 * @param {string} edgeToken
 */
export function stampClientAddress(req, hops, edgeToken) {
  const ip = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
  req.headers["x-mostrador-client-ip"] = ip;
  req.headers["x-mostrador-edge"] = edgeToken;
  if (!hops) req.headers["x-forwarded-for"] = ip;
  return ip;
}
