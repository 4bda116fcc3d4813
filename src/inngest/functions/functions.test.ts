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
