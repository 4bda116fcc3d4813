import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { enqueue, flushQueue, queued, type QueuedEntry } from "./queue";

const entry = (id: string, countedAt: string): QueuedEntry => ({
  id,
  countId: "c1",
  productId: "p1",
  productName: "Yerba",
  lotNumber: null,
  zoneId: null,
  quantity: "3",
  countedAt,
  offline: true,
  state: "pending",
});

describe("counting queue", () => {
  it("sends oldest first, keeps refusals to show, and stops (keeping the rest) without connection", async () => {
    const slug = "q-" + Math.random().toString(36).slice(2);
    await enqueue(slug, entry("b", "2026-01-01T10:00:02Z"));
    await enqueue(slug, entry("a", "2026-01-01T10:00:01Z"));
    await enqueue(slug, entry("c", "2026-01-01T10:00:03Z"));
    const seen: string[] = [];
    const r1 = await flushQueue(slug, "c1", async (e) => {
      seen.push(e.id);
      if (e.id === "a") return { ok: true };
      if (e.id === "b") return { ok: false, refused: true, message: "No entra en este conteo" };
      return { ok: false, refused: false, message: "sin conexión" };
    });
    expect(seen).toEqual(["a", "b", "c"]);
    expect(r1).toEqual({ sent: 1, refused: 1, left: 1 });
    const left = await queued(slug, "c1");
    expect(left.map((e) => [e.id, e.state])).toEqual([
      ["b", "refused"],
      ["c", "pending"],
    ]);
    // The same entry (same id) is sent again on the next pass: the server dedupes by it.
    const r2 = await flushQueue(slug, "c1", async () => ({ ok: true }));
    expect(r2).toEqual({ sent: 1, refused: 0, left: 0 });
    expect((await queued(slug, "c1")).map((e) => e.id)).toEqual(["b"]);
  });
});
