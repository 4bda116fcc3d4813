import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openPosDb } from "./db";
import { listRefused, listSynced, peekQueue } from "./queue";
import { sinkSale, stageSale } from "./sale-sink";
import { FakeServer, makeSale } from "./testing/fakes";

const fresh = () => openPosDb("demo", `sink-${randomUUID()}`);

describe("sale sink", () => {
  it("offline: stored at once, queued, nothing sent", async () => {
    const db = await fresh();
    const server = new FakeServer();
    const { sale, display } = makeSale();
    const v = await sinkSale({ db, sale, display, online: false, send: server.handle });
    expect(v).toEqual({ kind: "queued", reason: "offline" });
    expect(server.calls).toHaveLength(0);
    expect((await peekQueue(db, 10)).map((q) => [q.sale.id, q.holdUntil])).toEqual([[sale.id, undefined]]);
  });

  it("online and accepted: leaves the queue with the register's ticket number", async () => {
    const db = await fresh();
    const server = new FakeServer();
    const { sale, display } = makeSale();
    const v = await sinkSale({ db, sale, display, online: true, send: server.handle });
    expect(v).toMatchObject({ kind: "accepted", ticketNumber: 1 });
    expect(await peekQueue(db, 10)).toHaveLength(0);
    expect((await listSynced(db)).map((s) => s.saleId)).toEqual([sale.id]);
  });

  it("online and refused: the sale leaves the queue uncharged, a resolved record stays", async () => {
    const db = await fresh();
    const server = new FakeServer();
    const { sale, display } = makeSale();
    server.refuse.set(sale.id, { code: "INSUFFICIENT_STOCK", message: "Stock insuficiente de «X»" });
    const v = await sinkSale({ db, sale, display, online: true, send: server.handle });
    expect(v).toEqual({ kind: "refused", code: "INSUFFICIENT_STOCK", message: "Stock insuficiente de «X»" });
    expect(await peekQueue(db, 10)).toHaveLength(0);
    expect(await listRefused(db)).toHaveLength(0);
    const all = await listRefused(db, { includeResolved: true });
    expect(all.map((r) => [r.saleId, r.resolution])).toEqual([[sale.id, "DISCARDED"]]);
  });

  it("no verdict in time: confirmed under offline rules, released for the engine; a late acceptance settles it", async () => {
    const db = await fresh();
    const server = new FakeServer();
    server.latencyMs = 200;
    const { sale, display } = makeSale();
    const v = await sinkSale({ db, sale, display, online: true, send: server.handle, verdictMs: 20 });
    expect(v).toEqual({ kind: "queued", reason: "timeout" });
    const [q] = await peekQueue(db, 10);
    expect(q?.holdUntil).toBeUndefined();
    await expect.poll(async () => (await peekQueue(db, 10)).length, { timeout: 2000 }).toBe(0);
    expect(server.committed.size).toBe(1);
  });

  it("a lost response: stays queued, never lost", async () => {
    const db = await fresh();
    const server = new FakeServer();
    server.loseResponses = 1;
    const { sale, display } = makeSale();
    const v = await sinkSale({ db, sale, display, online: true, send: server.handle });
    expect(v).toEqual({ kind: "queued", reason: "error" });
    expect((await peekQueue(db, 10)).map((q) => q.sale.id)).toEqual([sale.id]);
    expect(server.committed.size).toBe(1);
  });

  it("staged: resolves once on disk with the next local number, before the server's verdict", async () => {
    const db = await fresh();
    const server = new FakeServer();
    server.latencyMs = 150;
    const a = makeSale();
    const b = makeSale();
    const first = await stageSale({ db, ...a, online: true, send: server.handle, localNumber: true });
    expect(first.item.display.localNumber).toBe("L-000001");
    expect(server.committed.size).toBe(0); // shown before the server has it
    expect((await peekQueue(db, 10)).map((q) => q.display.localNumber)).toEqual(["L-000001"]);
    const second = await stageSale({ db, ...b, online: false, send: server.handle, localNumber: true });
    expect(second.item.display.localNumber).toBe("L-000002");
    expect(await first.verdict).toMatchObject({ kind: "accepted", ticketNumber: 1 });
    expect(await second.verdict).toEqual({ kind: "queued", reason: "offline" });
    expect((await peekQueue(db, 10)).map((q) => q.sale.id)).toEqual([b.sale.id]);
  });
});
