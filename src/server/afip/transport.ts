import http from "node:http";
import https from "node:https";
import { AfipTransportError } from "./soap-errors";

/**
 * POST over HTTP(S) with one overall deadline. AFIP's servers have long negotiated TLS with
 * Diffie-Hellman parameters that OpenSSL 3's default security level rejects ("dh key too
 * small"); for *.afip.gov.ar only, the agent lowers the level to 1 instead of the whole
 * process (a common workaround is editing the system openssl.cnf). Other hosts keep defaults.
 */
const afipAgent = new https.Agent({ keepAlive: true, ciphers: "DEFAULT@SECLEVEL=1" });
const defaultAgent = new https.Agent({ keepAlive: true });
const httpAgent = new http.Agent({ keepAlive: true });

export function postXml(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  const isHttps = u.protocol === "https:";
  const lib = isHttps ? https : http;
  const agent = isHttps ? (u.hostname.endsWith("afip.gov.ar") ? afipAgent : defaultAgent) : httpAgent;
  const payload = Buffer.from(body, "utf8");
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const req = lib.request(
      u,
      { method: "POST", agent, headers: { ...headers, "Content-Length": String(payload.length) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => done(() => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") })));
        res.on("error", (e) => done(() => reject(new AfipTransportError("NETWORK", `Error de red con ARCA: ${e.message}`))));
      },
    );
    const timer = setTimeout(() => {
      done(() => reject(new AfipTransportError("TIMEOUT", `ARCA no respondió en ${timeoutMs} ms`)));
      req.destroy();
    }, timeoutMs);
    req.on("error", (e) => done(() => reject(new AfipTransportError("NETWORK", `Error de red con ARCA: ${e.message}`))));
    req.end(payload);
  });
}
