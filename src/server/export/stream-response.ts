import "server-only";
import type { Tx } from "../db/client";
import { withTenant } from "../db/with-tenant";
import { log } from "../log";

/**
 * A file download produced inside one tenant transaction and streamed as it is written: the
 * writer waits for the client to take each chunk (backpressure), so memory stays flat for a
 * month of documents. A failure mid-way aborts the download instead of sending half a file.
 */
export function streamFromTenant(
  tenantId: string,
  userId: string,
  produce: (tx: Tx, write: (chunk: Uint8Array) => Promise<void>) => Promise<void>,
  headers: Record<string, string>,
): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>(undefined, undefined, { highWaterMark: 16 });
  const writer = writable.getWriter();
  const write = async (chunk: Uint8Array) => {
    await writer.ready;
    await writer.write(chunk);
  };
  withTenant(tenantId, (tx) => produce(tx, write), { userId }).then(
    () => writer.close(),
    (e) => {
      log.error({ err: e }, "download failed");
      return writer.abort(e);
    },
  );
  return new Response(readable, { headers: { "cache-control": "no-store", ...headers } });
}

/** `attachment; filename=…` with an ASCII fallback and the UTF-8 name. */
export const attachment = (name: string) =>
  `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "")}"; filename*=UTF-8''${encodeURIComponent(name)}`;
