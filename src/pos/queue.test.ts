import "fake-indexeddb/auto";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openPosDb } from "./db";
import {
  applySyncResults,
  enqueueSale,
  hasPendingSales,
  listRefused,
  listSynced,
  peekQueue,
  queueSize,
  QueueValidationError,
  resolveRefused,
} from "./queue";
import { makeSale } from "./testing/fakes";

const freshDb = () => {
  const name = `q-${randomUUID()}`;
  return openPosDb("demo", name).then((db) => ({ db, name }));
};

describe("sale queue", () => {
  it("stores sales FIFO with their client UUID and prices, and survives reopening", async () => {
    const { db, name } = await freshDb();
    const a = makeSale();
    const b = makeSale({ lines: [{ productId: randomUUID(), quantity: "2.5", unitPrice: "1234.5000" }] });
    await enqueueSale(db, a.sale, a.display);
    await enqueueSale(db, b.sale, b.display);
    db.close();

    const again = await openPosDb("demo", name);
    const items = await peekQueue(again, 10);
    expect(items.map((i) => i.sale.id)).toEqual([a.sale.id, b.sale.id]);
    expect(items[1]!.sale.lines[0]!.unitPrice).toBe("1234.5000");
    expect(items[0]!.seq!).toBeLessThan(items[1]!.seq!);
    expect(await hasPendingSales(again)).toBe(true);
  });

  it("queues the same sale id only once", async () => {
    const { db } = await freshDb();
    const a = makeSale();
    await enqueueSale(db, a.sale, a.display);
    await enqueueSale(db, a.sale, a.display);
    expect(await queueSize(db)).toBe(1);
  });

  it("rejects an invalid sale before it is confirmed", async () => {
    const { db } = await freshDb();
    const bad = makeSale({ lines: [] });
    await expect(enqueueSale(db, bad.sale, bad.display)).rejects.toBeInstanceOf(QueueValidationError);
    const floaty = makeSale({ payments: [{ method: "CASH", amount: "10.123" }] });
    await expect(enqueueSale(db, floaty.sale, floaty.display)).rejects.toThrow(/Importe/);
    expect(await queueSize(db)).toBe(0);
  });

  it("removes only answered sales; refused ones move to their own store with the reason", async () => {
    const { db } = await freshDb();
    const sales = [makeSale(), makeSale(), makeSale(), makeSale(), makeSale()];
    for (const s of sales) await enqueueSale(db, s.sale, s.display);
    const sent = await peekQueue(db, 10);
    const [ok, dup, conflict, refused, errored] = sales.map((s) => s.sale.id) as [string, string, string, string, string];
    const out = await applySyncResults(db, sent, [
      { id: ok, status: "ACCEPTED", ticketNumber: 1 },
      { id: dup, status: "DUPLICATE", ticketNumber: 2 },
      { id: conflict, status: "ACCEPTED_WITH_CONFLICT", ticketNumber: 3, stockConflict: true },
      { id: refused, status: "REFUSED", code: "INVALID_STATE", message: "La caja está cerrada" },
      { id: errored, status: "ERROR", message: "boom" },
    ]);
    expect(out).toEqual({ removed: 3, refused: 1, failed: 1 });

    const left = await peekQueue(db, 10);
    expect(left.map((i) => i.sale.id)).toEqual([errored]);
    expect(left[0]!.attempts).toBe(1);
    expect(left[0]!.lastError).toBe("boom");

    const refusedList = await listRefused(db);
    expect(refusedList).toHaveLength(1);
    expect(refusedList[0]).toMatchObject({ saleId: refused, code: "INVALID_STATE", reason: "La caja está cerrada" });

    const synced = await listSynced(db);
    expect(synced.map((s) => s.saleId).sort()).toEqual([ok, dup, conflict].sort());
    expect(synced.find((s) => s.saleId === conflict)!.stockConflict).toBe(true);
  });

  it("keeps a sale queued when the server's answer does not mention it", async () => {
    const { db } = await freshDb();
    const a = makeSale();
    const b = makeSale();
    await enqueueSale(db, a.sale, a.display);
    await enqueueSale(db, b.sale, b.display);
    const out = await applySyncResults(db, await peekQueue(db, 10), [{ id: a.sale.id, status: "ACCEPTED", ticketNumber: 1 }]);
    expect(out.failed).toBe(1);
    expect((await peekQueue(db, 10)).map((i) => i.sale.id)).toEqual([b.sale.id]);
  });

  it("a refused sale blocks closing until resolved; requeue goes to the end, discard needs a reason", async () => {
    const { db } = await freshDb();
    const a = makeSale();
    const b = makeSale();
    const c = makeSale();
    for (const s of [a, b]) await enqueueSale(db, s.sale, s.display);
    await applySyncResults(db, await peekQueue(db, 10), [
      { id: a.sale.id, status: "REFUSED", code: "INVALID_STATE", message: "Caja cerrada" },
      { id: b.sale.id, status: "REFUSED", code: "NOT_FOUND", message: "Producto inexistente" },
    ]);
    expect(await queueSize(db)).toBe(0);
    expect(await hasPendingSales(db)).toBe(true);

    await enqueueSale(db, c.sale, c.display);
    const newSession = "00000000-0000-4000-8000-000000000099";
    await resolveRefused(db, a.sale.id, { kind: "REQUEUE", sale: { ...a.sale, cashSessionId: newSession } });
    const q = await peekQueue(db, 10);
    expect(q.map((i) => i.sale.id)).toEqual([c.sale.id, a.sale.id]);
    expect(q[1]!.sale.cashSessionId).toBe(newSession);

    await expect(resolveRefused(db, b.sale.id, { kind: "DISCARD", note: "  " })).rejects.toThrow(/motivo/);
    await resolveRefused(db, b.sale.id, { kind: "DISCARD", note: "Producto mal cargado, se cobró aparte" });
    expect(await listRefused(db)).toHaveLength(0);
    const all = await listRefused(db, { includeResolved: true });
    expect(all.find((r) => r.saleId === b.sale.id)).toMatchObject({ resolution: "DISCARDED" });

    // Changing the sale id on requeue would create a different sale: refused.
    const d = makeSale();
    await enqueueSale(db, d.sale, d.display);
    await applySyncResults(db, (await peekQueue(db, 10)).filter((i) => i.sale.id === d.sale.id), [
      { id: d.sale.id, status: "REFUSED", code: "X", message: "x" },
    ]);
    await expect(resolveRefused(db, d.sale.id, { kind: "REQUEUE", sale: { ...d.sale, id: randomUUID() } })).rejects.toThrow(/identificador/);
  });
});
