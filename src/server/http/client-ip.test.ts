import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { resolveClientIp, stampClientAddress } from "../../../scripts/client-ip.mjs";
import { clientIp } from "./client-ip";
import { authenticate } from "../auth/authenticate";
import { makeTenant } from "../../test/factories";

describe("client address (issue 11)", () => {
  it("is the socket's with no trusted proxy, the N-th from the right behind N proxies", () => {
    expect(resolveClientIp("10.1.1.1", "1.2.3.4", 0)).toBe("10.1.1.1");
    expect(resolveClientIp("::ffff:10.1.1.1", undefined, 0)).toBe("10.1.1.1");
    // One proxy (10.1.1.1) appended what it saw (198.51.100.7); the client wrote 1.2.3.4.
    expect(resolveClientIp("10.1.1.1", "1.2.3.4, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(resolveClientIp("10.1.1.1", "1.2.3.4, 198.51.100.7, 10.0.0.2", 2)).toBe("198.51.100.7");
    expect(resolveClientIp("10.1.1.1", "evil<script>, 198.51.100.7", 1)).toBe("198.51.100.7");
    expect(resolveClientIp("10.1.1.1", "", 1)).toBe("10.1.1.1");
  });

  describe("through the server front", () => {
    const token = "front-token-" + process.pid;
    process.env.MOSTRADOR_EDGE_TOKEN = token;
    let seen: string[] = [];
    const server = http.createServer(async (req, res) => {
      stampClientAddress(req, 0, token);
      const ip = clientIp(req.headers);
      seen.push(ip);
      const body = JSON.parse(await new Promise<string>((r) => { let b = ""; req.on("data", (c) => (b += c)); req.on("end", () => r(b)); })) as { email: string; password: string };
      const result = await authenticate(body.email, body.password, ip);
      res.end(JSON.stringify(result));
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it("a rotated X-Forwarded-For does not escape the sign-in throttle", async () => {
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      const { port } = server.address() as AddressInfo;
      const t = await makeTenant();
      const signIn = (email: string, password: string, forwarded: string) =>
        fetch(`http://127.0.0.1:${port}/`, { method: "POST", headers: { "x-forwarded-for": forwarded, "x-mostrador-client-ip": forwarded }, body: JSON.stringify({ email, password }) }).then(
          (r) => r.json() as Promise<{ ok: boolean; reason?: string }>,
        );
      seen = [];
      // Guessing across many accounts, pretending to be a new address each time.
      for (let i = 0; i < 3; i++) expect((await signIn(`victim${i}@x.test`, "guess-guess", `203.0.113.${i}`)).ok).toBe(false);
      expect(await signIn(t.email, t.password, "203.0.113.200")).toEqual({ ok: false, reason: "RATE_LIMITED" });
      expect(new Set(seen)).toEqual(new Set(["127.0.0.1"]));
    });
  });
});
