import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openPosDb, getMeta } from "./db";
import { enqueueSale, listRefused, peekQueue, queueSize } from "./queue";
import { SyncEngine } from "./sync-engine";
import type { SyncTransport } from "./sync-contracts";
import { FakeLocks, FakeServer, makeSale } from "./testing/fakes";
import type { LockManagerLike } from "./sync-contracts";

const freshDb = (name = `s-${randomUUID()}`) => openPosDb("demo", name);

async function queueN(db: Awaited<ReturnType<typeof freshDb>>, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = makeSale();
    await enqueueSale(db, s.sale, s.display);
    ids.push(s.sale.id);
  }
  return ids;
}

describe("sync engine", () => {
  it("sends the queue FIFO in batches and empties it", async () => {
    const db = await freshDb();
    const ids = await queueN(db, 25);
    const server = new FakeServer();
    const engine = new SyncEngine({ db, transport: server.handle, locks: null, batchSize: 10 });
    const r = await engine.syncNow();
    expect(r).toMatchObject({ kind: "done", sent: 25, accepted: 25 });
    expect(server.calls.map((c) => c.length)).toEqual([10, 10, 5]);
    expect(server.calls.flat()).toEqual(ids);
    expect(await queueSize(db)).toBe(0);
    expect(await getMeta(db, "lastSyncAt")).toBeTruthy();
    expect(engine.getState()).toMatchObject({ queued: 0, syncing: false, consecutiveFailures: 0 });
  });

  it("does nothing offline and keeps the sales", async () => {
    const db = await freshDb();
    await queueN(db, 3);
    const server = new FakeServer();
    const engine = new SyncEngine({ db, transport: server.handle, locks: null, isOnline: () => false });
    expect(await engine.syncNow()).toEqual({ kind: "skipped", reason: "offline" });
    expect(server.calls).toHaveLength(0);
    expect(engine.getState()).toMatchObject({ online: false, queued: 3 });
  });

  it("keeps every sale on network failure, backs off exponentially, then recovers", async () => {
    const db = await freshDb();
    await queueN(db, 4);
    const server = new FakeServer();
    server.failBefore = 3;
    const engine = new SyncEngine({ db, transport: server.handle, locks: null, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5 });
    for (let i = 1; i <= 3; i++) {
      const r = await engine.syncNow();
      expect(r.kind).toBe("failed");
      expect(engine.getState().consecutiveFailures).toBe(i);
      expect(await queueSize(db)).toBe(4);
    }
    expect([1, 2, 3, 4, 5, 6].map((n) => engine.backoffDelay(n))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect((await peekQueue(db, 1))[0]!.attempts).toBe(3);
    expect(engine.getState().lastError).toBe("Sin conexión con el servidor");

    expect(await engine.syncNow()).toMatchObject({ kind: "done", accepted: 4 });
    expect(engine.getState()).toMatchObject({ consecutiveFailures: 0, queued: 0 });
    expect(server.committed.size).toBe(4);
  });

  it("a lost response after the server committed is retried without duplicates", async () => {
    const db = await freshDb();
    const ids = await queueN(db, 12);
    const server = new FakeServer();
    server.loseResponses = 1;
    const engine = new SyncEngine({ db, transport: server.handle, locks: null, batchSize: 5 });
    expect((await engine.syncNow()).kind).toBe("failed");
    expect(server.committed.size).toBe(5);
    expect(await queueSize(db)).toBe(12);

    expect(await engine.syncNow()).toMatchObject({ kind: "done", accepted: 12 });
    expect(server.committed.size).toBe(12);
    expect([...server.committed.keys()]).toEqual(ids);
    expect(await queueSize(db)).toBe(0);
  });

  it("two tabs sharing the queue: with Web Locks only one drains, and nothing is duplicated", async () => {
    const name = `s-${randomUUID()}`;
    const tabA = await freshDb(name);
    const tabB = await freshDb(name);
    await queueN(tabA, 30);
    const server = new FakeServer();
    server.latencyMs = 5;
    const locks = new FakeLocks();
    const a = new SyncEngine({ db: tabA, transport: server.handle, locks, batchSize: 7 });
    const b = new SyncEngine({ db: tabB, transport: server.handle, locks, batchSize: 7 });
    const [ra, rb] = await Promise.all([a.syncNow(), b.syncNow()]);
    expect([ra.kind, rb.kind].sort()).toEqual(["done", "skipped"]);
    expect(server.committed.size).toBe(30);
    expect(server.calls.flat()).toHaveLength(30);
    expect(await queueSize(tabB)).toBe(0);
  });

  it("two tabs without Web Locks: replays answer DUPLICATE, each sale is committed once and leaves the queue", async () => {
    const name = `s-${randomUUID()}`;
    const tabA = await freshDb(name);
    const tabB = await freshDb(name);
    const ids = await queueN(tabA, 20);
    const server = new FakeServer();
    server.latencyMs = 3;
    const a = new SyncEngine({ db: tabA, transport: server.handle, locks: null, batchSize: 6 });
    const b = new SyncEngine({ db: tabB, transport: server.handle, locks: null, batchSize: 6 });
    await Promise.all([a.syncNow(), b.syncNow()]);
    expect(server.calls.flat().length).toBeGreaterThan(20); // both really sent
    expect(server.committed.size).toBe(20);
    expect(new Set(server.committed.keys())).toEqual(new Set(ids));
    expect(await queueSize(tabA)).toBe(0);
  });

  it("a refused sale stays visible with its reason; the rest of the batch goes through", async () => {
    const db = await freshDb();
    const ids = await queueN(db, 5);
    const server = new FakeServer();
    server.refuse.set(ids[2]!, { code: "INVALID_STATE", message: "La sesión de caja no existe" });
    const engine = new SyncEngine({ db, transport: server.handle, locks: null });
    expect(await engine.syncNow()).toMatchObject({ kind: "done", accepted: 4, refused: 1 });
    expect(await queueSize(db)).toBe(0);
    const refused = await listRefused(db);
    expect(refused.map((r) => [r.saleId, r.reason])).toEqual([[ids[2], "La sesión de caja no existe"]]);
    expect(engine.getState().refused).toBe(1);
  });

  it("a per-sale transient error keeps only that sale queued", async () => {
    const db = await freshDb();
    const ids = await queueN(db, 3);
    const server = new FakeServer();
    server.errorFor.add(ids[1]!);
    const engine = new SyncEngine({ db, transport: server.handle, locks: null });
    expect(await engine.syncNow()).toMatchObject({ kind: "done", accepted: 2, failed: 1 });
    expect((await peekQueue(db, 10)).map((q) => q.sale.id)).toEqual([ids[1]]);
    server.errorFor.clear();
    expect(await engine.syncNow()).toMatchObject({ kind: "done", accepted: 1 });
    expect(server.committed.size).toBe(3);
  });

  it("a batch where nothing settles stops instead of looping forever", async () => {
    const db = await freshDb();
    const ids = await queueN(db, 2);
    const server = new FakeServer();
    for (const id of ids) server.errorFor.add(id);
    const engine = new SyncEngine({ db, transport: server.handle, locks: null });
    expect((await engine.syncNow()).kind).toBe("failed");
    expect(server.calls).toHaveLength(1);
    expect(await queueSize(db)).toBe(2);
  });

  it("a request made while a run is failing gets a run of its own right after (the network came back mid-run)", async () => {
    const db = await freshDb();
    await queueN(db, 3);
    const server = new FakeServer();
    server.failBefore = 1;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const transport: SyncTransport = async (sales) => {
      await gate;
      return server.handle(sales);
    };
    const engine = new SyncEngine({ db, transport, locks: null, random: () => 0.5 });
    const first = engine.syncNow(); // offline in practice: its request will fail
    const second = engine.syncNow(); // the network is back while the first still waits
    const third = engine.syncNow(); // a burst shares the same follow-up run
    release();
    expect((await first).kind).toBe("failed");
    expect(await second).toMatchObject({ kind: "done", accepted: 3 });
    expect(await third).toBe(await second);
    expect(server.calls).toHaveLength(2);
    expect(await queueSize(db)).toBe(0);
  });

  it("the scheduler retries on its own after a failure", async () => {
    const db = await freshDb();
    await queueN(db, 2);
    const server = new FakeServer();
    server.failBefore = 1;
    const engine = new SyncEngine({ db, transport: server.handle, locks: null, baseDelayMs: 20, random: () => 0.5 });
    engine.start(60_000);
    await new Promise((r) => setTimeout(r, 300));
    engine.stop();
    expect(server.calls.length).toBe(2);
    expect(await queueSize(db)).toBe(0);
  });

  it("online means reachable: a failed probe or a network error shows offline, a success shows online again", async () => {
    const db = await freshDb();
    let reachable = false;
    const server = new FakeServer();
    const engine = new SyncEngine({ db, transport: server.handle, locks: null, probe: async () => reachable });
    expect(await engine.syncNow()).toEqual({ kind: "skipped", reason: "offline" });
    expect(engine.getState().online).toBe(false);

    await queueN(db, 1);
    server.failBefore = 1;
    expect((await engine.syncNow()).kind).toBe("failed");
    expect(engine.getState().online).toBe(false);
    expect(await engine.syncNow()).toMatchObject({ kind: "done", accepted: 1 });
    expect(engine.getState().online).toBe(true);

    reachable = true;
    expect((await engine.syncNow()).kind).toBe("done");
    expect(engine.getState().online).toBe(true);
  });

  it("a tab that is not the one syncing still comes back online when the network returns (and a failed request takes it offline)", async () => {
    const db = await freshDb();
    await queueN(db, 2);
    const locks = new FakeLocks();
    let reachable = false;
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const server = new FakeServer();
    // Tab A holds the sync lock (its run is in progress) while tab B is told the network is back.
    const a = new SyncEngine({ db, transport: async (s) => (await held, server.handle(s)), locks, probe: async () => reachable });
    const b = new SyncEngine({ db, transport: server.handle, locks, probe: async () => reachable });
    await b.refresh(false);
    expect(b.getState().online).toBe(false);
    void a.syncNow();
    reachable = true;
    b.online();
    await expect.poll(() => b.getState().online).toBe(true);
    expect(await b.syncNow()).toEqual({ kind: "skipped", reason: "locked" });
    b.noteReachable(false);
    await expect.poll(() => b.getState().online).toBe(false);
    b.noteReachable(true);
    await expect.poll(() => b.getState().online).toBe(true);
    b.stop();
    release();
    await expect.poll(() => queueSize(db)).toBe(0);
  });

  it("a tab skipped because another context was syncing shows that context's result as soon as it lets go", async () => {
    const db = await freshDb();
    await queueN(db, 3);
    const locks = new FakeLocks();
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    const server = new FakeServer();
    // The service worker's background sync (A) holds the lock; the page's engine (B) is started.
    const a = new SyncEngine({ db, transport: async (s) => (await held, server.handle(s)), locks });
    const b = new SyncEngine({ db, transport: server.handle, locks });
    const running = a.syncNow();
    expect(await b.syncNow()).toEqual({ kind: "skipped", reason: "locked" });
    expect(b.getState().queued).toBe(3);
    release();
    expect((await running).kind).toBe("done");
    // No periodic run of B in between: its counts follow A's run when A lets go of the lock.
    await expect.poll(() => b.getState().queued, { timeout: 2000 }).toBe(0);
    expect(server.committed.size).toBe(3);
  });

  it("a lock request whose callback cannot run (Chromium, while a reprint prints) is retried in a moment, with no error shown", async () => {
    const db = await freshDb();
    const ids = await queueN(db, 2);
    const server = new FakeServer();
    const real = new FakeLocks();
    let asked = 0;
    const locks: LockManagerLike = {
      request: (name, options, cb) =>
        ++asked === 1 ? Promise.reject(new DOMException("The provided callback is no longer runnable.", "InvalidStateError")) : real.request(name, options, cb),
    };
    const engine = new SyncEngine({ db, transport: server.handle, locks });
    engine.start(60_000);
    await expect.poll(() => queueSize(db), { timeout: 3000 }).toBe(0);
    engine.stop();
    expect(asked).toBe(2);
    expect(server.calls.flat()).toEqual(ids);
    expect(engine.getState().lastError).toBeUndefined();
  });

  it("a run that throws does not end the periodic sync: it backs off and runs again", async () => {
    const db = await freshDb();
    await queueN(db, 2);
    const server = new FakeServer();
    let checks = 0;
    const isOnline = () => {
      if (++checks === 2) throw new Error("a glitch in the first run");
      return true;
    };
    const engine = new SyncEngine({ db, transport: server.handle, locks: new FakeLocks(), isOnline, baseDelayMs: 20, random: () => 0.5 });
    engine.start(60_000);
    await expect.poll(() => queueSize(db), { timeout: 2000 }).toBe(0);
    engine.stop();
    expect(server.committed.size).toBe(2);
  });

  it("a run that never settles (a swallowed IndexedDB callback) does not stop syncing: past the stall time a new run takes the lock over", async () => {
    const db = await freshDb();
    const ids = await queueN(db, 3);
    const server = new FakeServer();
    let calls = 0;
    const transport: SyncTransport = (sales) => (++calls === 1 ? new Promise<never>(() => {}) : server.handle(sales));
    const engine = new SyncEngine({ db, transport, locks: new FakeLocks(), stallMs: 50 });
    void engine.syncNow(); // hangs forever, holding the lock
    await expect.poll(() => calls).toBe(1);
    await new Promise((r) => setTimeout(r, 80));
    const r = await engine.syncNow();
    expect(r).toMatchObject({ kind: "done", accepted: 3 });
    expect(server.calls.flat()).toEqual(ids);
    expect(await queueSize(db)).toBe(0);
  });
});
