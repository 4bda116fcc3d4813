import { describe, expect, it } from "vitest";
import { describeFunctions } from "./describe";

describe("served Inngest functions", () => {
  it("lists the fiscal issuer (event, concurrency per series) and the sweep (cron)", () => {
    const fns = describeFunctions();
    expect(fns).toContainEqual(
      expect.objectContaining({
        id: "mostrador-issue-fiscal-document",
        triggers: [{ event: "fiscal/document.requested" }],
        concurrency: [{ key: "event.data.seriesKey", limit: 1 }],
      }),
    );
    expect(fns).toContainEqual(expect.objectContaining({ id: "mostrador-sweep-pending-fiscal-documents", triggers: [{ cron: "*/5 * * * *" }] }));
  });
});

describe("GET /api/inngest", () => {
  it("answers with Inngest's introspection and every function with its triggers", async () => {
    const { NextRequest } = await import("next/server");
    const { GET } = await import("@/app/api/inngest/route");
    process.env.MOSTRADOR_EDGE_TOKEN ??= "test-edge-token";
    // A local caller, as the server front (scripts/serve.mjs) vouches for it.
    const local = { "x-mostrador-client-ip": "127.0.0.1", "x-mostrador-edge": process.env.MOSTRADOR_EDGE_TOKEN };
    const res = await GET(new NextRequest("http://localhost:3000/api/inngest", { headers: local }), {});
    expect(res.status).toBe(200);
    const body = (await res.json()) as { function_count: number; functions: { id: string; triggers: unknown[] }[] };
    // every served function + issue-fiscal-document's onFailure handler (registered as its own function)
    expect(body.function_count).toBe(12);
    expect(body.functions.map((f) => f.id).sort()).toEqual([
      "mostrador-billing-overdue-alerts",
      "mostrador-deliver-mail",
      "mostrador-fiscal-caea-maintenance",
      "mostrador-fiscal-daily",
      "mostrador-issue-fiscal-document",
      "mostrador-notifications-scan",
      "mostrador-process-billing-batch",
      "mostrador-purchasing-daily-alerts",
      "mostrador-replenishment-daily",
      "mostrador-replenishment-requested",
      "mostrador-sweep-pending-fiscal-documents",
    ]);
    expect(body.functions.every((f) => f.triggers.length > 0)).toBe(true);
    const crons = Object.fromEntries(body.functions.map((f) => [f.id, JSON.stringify(f.triggers)]));
    expect(crons["mostrador-purchasing-daily-alerts"]).toContain("0 7 * * *");
    expect(crons["mostrador-replenishment-daily"]).toContain("30 6 * * *");
    expect(crons["mostrador-replenishment-requested"]).toContain("purchasing/replenishment.requested");
    expect(crons["mostrador-notifications-scan"]).toContain("*/15 * * * *");
  });
});
