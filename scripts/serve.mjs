// Production server: Next.js behind a tiny Node HTTP front that knows the socket address.
// Next's own server keeps a client-sent X-Forwarded-For as it is, so the app could not tell
// a forged header from a proxy's. Here every request gets the client address resolved with
// TRUSTED_PROXY_HOPS (scripts/client-ip.mjs) in `x-mostrador-client-ip`, vouched for by a
// per-process token the app checks (src/server/http/client-ip.ts); whatever a client sent
// in those headers is overwritten.
import http from "node:http";
import { randomBytes } from "node:crypto";
import next from "next";
import { stampClientAddress } from "./client-ip.mjs";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME ?? "0.0.0.0";
const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
if (!Number.isInteger(hops) || hops < 0 || hops > 5) {
  console.error("Invalid environment: TRUSTED_PROXY_HOPS must be an integer 0–5");
  process.exit(1);
}
const edgeToken = randomBytes(24).toString("hex");
process.env.MOSTRADOR_EDGE_TOKEN = edgeToken;

const app = next({ dev: false, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

http
  .createServer((req, res) => {
    stampClientAddress(req, hops, edgeToken);
    handle(req, res);
  })
  .listen(port, hostname, () => console.log(`Mostrador listening on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`));
