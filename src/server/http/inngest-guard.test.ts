import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

// Issue 11: /api/inngest never runs functions for an anonymous caller outside localhost.
process.env.MOSTRADOR_EDGE_TOKEN = "edge-token-for-tests";
const vouched = (ip: string, extra: Record<string, string> = {}) => ({ "x-mostrador-client-ip": ip, "x-mostrador-edge": "edge-token-for-tests", ...extra });
const runUrl = "http://mostrador.example/api/inngest?fnId=mostrador-sweep-pending-fiscal-documents&stepId=step";
const body = JSON.stringify({ event: { name: "inngest/scheduled.timer", data: {} }, events: [], steps: {}, ctx: { run_id: "r", attempt: 0 } });

afterEach(() => {
  vi.resetModules();
  vi.unstubAllEnvs();
});

describe("/api/inngest without a signing key", () => {
  it("refuses a remote caller on every method, whatever it claims in X-Forwarded-For or Host", async () => {
    const { GET, POST, PUT } = await import("@/app/api/inngest/route");
    const remote = vouched("203.0.113.9", { "x-forwarded-for": "127.0.0.1", "content-type": "application/json" });
    for (const [name, call] of [
      ["GET", () => GET(new NextRequest("http://localhost/api/inngest", { headers: remote }), {})],
      ["POST", () => POST(new NextRequest(runUrl, { method: "POST", headers: remote, body }), {})],
      ["PUT", () => PUT(new NextRequest("http://localhost/api/inngest", { method: "PUT", headers: remote }), {})],
    ] as const) {
      const res = await call();
      expect(res.status, name).toBe(403);
    }
    // No front vouching for the address (a forged header without the token) is not local either.
    const forged = { "x-mostrador-client-ip": "127.0.0.1", "x-mostrador-edge": "guess" };
    expect((await POST(new NextRequest(runUrl, { method: "POST", headers: forged, body }), {})).status).toBe(403);
  });

  it("answers a local caller", async () => {
    const { GET } = await import("@/app/api/inngest/route");
    expect((await GET(new NextRequest("http://localhost/api/inngest", { headers: vouched("127.0.0.1") }), {})).status).toBe(200);
  });
});

describe("/api/inngest with a signing key", () => {
  it("refuses an unsigned call to run a function, even from localhost", async () => {
    vi.stubEnv("INNGEST_SIGNING_KEY", "signkey-test-" + "ab".repeat(32));
    vi.stubEnv("INNGEST_EVENT_KEY", "event-key-for-tests");
    vi.stubEnv("INNGEST_DEV", "0");
    const { POST } = await import("@/app/api/inngest/route");
    const res = await POST(new NextRequest(runUrl, { method: "POST", headers: vouched("127.0.0.1", { "content-type": "application/json" }), body }), {});
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).not.toBe(200);
  });
});
