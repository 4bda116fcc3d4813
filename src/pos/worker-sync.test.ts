import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { openPosDb } from "./db";
import { enqueueSale, queueSize } from "./queue";
import { syncBusinessQueue } from "./worker-sync";
import { FakeServer, makeSale } from "./testing/fakes";
import type { TSaleInput } from "../lib/schemas/sale";

// The service worker's Background Sync path: same engine, plain fetch to the sync endpoint.
describe("syncBusinessQueue (Background Sync)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("drains the business's queue through POST /api/pos/<slug>/sync and reports failures so the browser retries", async () => {
    const slug = `w-${randomUUID().slice(0, 8)}`;
    const db = await openPosDb(slug);
    for (let i = 0; i < 3; i++) {
      const s = makeSale();
      await enqueueSale(db, s.sale, s.display);
    }
    const server = new FakeServer();
    const urls: string[] = [];
    let down = true;
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      urls.push(url);
      if (down) throw new TypeError("Failed to fetch");
      const body = JSON.parse(String(init.body)) as { sales: TSaleInput[] };
      return new Response(JSON.stringify({ results: await server.handle(body.sales) }), { status: 200 });
    });

    expect((await syncBusinessQueue(slug, null)).kind).toBe("failed");
    expect(await queueSize(db)).toBe(3);
    down = false;
    expect(await syncBusinessQueue(slug, null)).toMatchObject({ kind: "done", accepted: 3 });
    expect(await queueSize(db)).toBe(0);
    expect(server.committed.size).toBe(3);
    expect(urls.every((u) => u === `/api/pos/${slug}/sync`)).toBe(true);
  });

  it("a 401 (session expired) keeps the sales and surfaces a Spanish reason", async () => {
    const slug = `w-${randomUUID().slice(0, 8)}`;
    const db = await openPosDb(slug);
    const s = makeSale();
    await enqueueSale(db, s.sale, s.display);
    vi.stubGlobal("fetch", async () => new Response(JSON.stringify({ error: { code: "UNAUTHENTICATED", message: "Tu sesión terminó. Ingresá de nuevo para sincronizar." } }), { status: 401 }));
    const r = await syncBusinessQueue(slug, null);
    expect(r).toMatchObject({ kind: "failed", error: "Tu sesión terminó. Ingresá de nuevo para sincronizar." });
    expect(await queueSize(db)).toBe(1);
  });
});
