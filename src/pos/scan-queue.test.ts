import { describe, expect, it } from "vitest";
import { ScanQueue } from "./scan-queue";

describe("scan queue", () => {
  it("a burst keeps every code in order, whatever each lookup takes", async () => {
    const seen: string[] = [];
    const q = new ScanQueue(async (t) => {
      await new Promise((r) => setTimeout(r, t === "1" ? 30 : 1));
      seen.push(t);
    });
    for (const t of ["1", "2", "3", "4"]) q.push(t);
    expect(q.size).toBe(4);
    await q.idle();
    expect(seen).toEqual(["1", "2", "3", "4"]);
  });
  it("the fast path runs only when nothing is queued before it, so order still holds", async () => {
    const seen: string[] = [];
    let fast = false;
    const q = new ScanQueue(
      async (t) => {
        await new Promise((r) => setTimeout(r, 10));
        seen.push(`slow:${t}`);
      },
      () => {},
      (t) => {
        if (!fast) return false;
        seen.push(`fast:${t}`);
        return true;
      },
    );
    q.push("a"); // slow (fast path not ready)
    fast = true;
    q.push("b"); // must wait behind "a"
    await q.idle();
    q.push("c"); // queue idle: handled at once
    expect(seen).toEqual(["slow:a", "slow:b", "fast:c"]);
  });
  it("an error in one scan is reported and the next ones still run", async () => {
    const errors: string[] = [];
    const seen: string[] = [];
    const q = new ScanQueue(
      async (t) => {
        if (t === "bad") throw new Error("x");
        seen.push(t);
      },
      (t) => errors.push(t),
    );
    for (const t of ["a", "bad", "b"]) q.push(t);
    await q.idle();
    expect([seen, errors]).toEqual([["a", "b"], ["bad"]]);
  });
});
