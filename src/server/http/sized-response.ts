/** compression's default threshold, the one Next.js's server uses. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

/**
 * A tRPC answer, marked so a small one is sent as is. Next.js gzips every route handler's
 * body (it pipes it as a stream and drops any Content-Length, so compression never learns the
 * size): for a 200-byte answer that is a zlib thread-pool job, a flush and extra socket writes
 * per request for no gain. Bodies under the threshold get `Cache-Control: no-transform`,
 * which compression (and any proxy) honours; larger ones are still compressed. Every answer
 * is `no-store`: it is one user's data. Only for handlers whose body is complete when the
 * Response is returned (tRPC's JSON, no streaming link).
 */
export async function sizedResponse(res: Response): Promise<Response> {
  if (!res.body) return res;
  const body = await res.arrayBuffer();
  const headers = new Headers(res.headers);
  headers.set("cache-control", body.byteLength < COMPRESSION_THRESHOLD_BYTES ? "no-store, no-transform" : "no-store");
  return new Response(body, { status: res.status, statusText: res.statusText, headers });
}
