import "server-only";

/** Header set by scripts/serve.mjs with the resolved client address, and the token vouching for it. */
export const CLIENT_IP_HEADER = "x-mostrador-client-ip";
export const EDGE_TOKEN_HEADER = "x-mostrador-edge";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;
const read = (h: HeaderSource, name: string): string | undefined => {
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The client's address for throttling and audit: only the one our own server front resolved
 * (socket address, or the TRUSTED_PROXY_HOPS-th forwarded entry), never a header the client
 * controls. Without that front (`next dev`), every client shares one "unresolved" key: safe
 * (throttling still holds, per account too), never dodgeable by rotating a header.
 */
export function clientIp(headers: HeaderSource): string {
  const token = process.env.MOSTRADOR_EDGE_TOKEN;
  const vouched = token && read(headers, EDGE_TOKEN_HEADER) === token;
  const ip = vouched ? read(headers, CLIENT_IP_HEADER) : undefined;
  return ip && ip.length <= 45 ? ip : "unresolved";
}

const LOOPBACK = new Set(["127.0.0.1", "::1"]);
export const isLoopback = (ip: string) => LOOPBACK.has(ip) || ip.startsWith("127.");
