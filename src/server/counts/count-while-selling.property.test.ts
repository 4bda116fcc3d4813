import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { levelMismatches, makeProduct, makeWarehouse, stockOf } from "../../test/inventory";
import { applyAll, closeCount, countEntry, makeCount } from "../../test/counts";
import { withTenant } from "../db/with-tenant";
import { receiveStock } from "../inventory/receive-stock";
import { transferStock } from "../inventory/transfer-stock";
import { createSale } from "../pos/create-sale";
import { openSession, saleInput } from "../pos/test-helpers";
import { dec, type Decimal } from "@/lib/decimal";

// Property: whatever interleaving of sales (online, and offline ones synced late), receipts,
// transfers and count entries (online, split between two counters, corrected, or queued on
// an offline phone), once the count is applied the system stock equals what is physically
// on the shelf — i.e. counted − sold after the scan + received after the scan — and every
// line applies without anyone resolving anything by hand.

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let c1: { userId: string };
let c2: { userId: string };
let cashier: { userId: string };
let registerId: string;
let sessionId: string;
let w2: string;

/** mulberry32: a small seeded generator, so a failing seed can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** The database clock (ms, as the POS sends times); then waits until it has moved on, so later acts are strictly later. */
async function now(): Promise<string> {
  const [r] = await admin<{ t: string }[]>`select to_char(date_trunc('milliseconds', clock_timestamp()) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as t`;
  for (;;) {
    const [m] = await admin<{ moved: boolean }[]>`select clock_timestamp() >= ${r!.t}::timestamptz + interval '1 millisecond' as moved`;
    if (m!.moved) return r!.t;
  }
}

const level = async (p: string, w = t.warehouseId) => dec((await stockOf(t.tenantId, p, w)).level);
const sale = (p: string, q: number, createdAt: string, mode: "online" | "offline") =>
  withTenant(
    t.tenantId,
    (tx) =>
      createSale(
        tx,
        saleInput(registerId, sessionId, [{ productId: p, quantity: String(q), unitPrice: "100.00" }], [{ method: "CASH", amount: `${q * 100}.00` }], { createdAt }),
        { userId: cashier.userId },
        { mode },
      ),
    { userId: cashier.userId },
  );

beforeAll(async () => {
  t = await makeTenant("Despensa");
  c1 = await addMember(t.tenantId, "AUDITOR");
  c2 = await addMember(t.tenantId, "OPERATOR");
  cashier = await addMember(t.tenantId, "CASHIER");
  const [r] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  registerId = r!.id;
  sessionId = (await openSession(t.tenantId, cashier.userId, registerId)).id;
  w2 = await makeWarehouse(t.tenantId, "Depósito del fondo");
});

async function scenario(seed: number) {
  const rand = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T,>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;
  const products: string[] = [];
  const shelf = new Map<string, Decimal>(); // what is physically in the main warehouse
  for (let i = 0; i < 3; i++) {
    const p = await makeProduct(t.tenantId, { name: `Producto ${seed}-${i}` });
    products.push(p);
    const sys = int(0, 15);
    if (sys > 0) await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: String(sys), unitCost: String(int(50, 150)) }, { userId: t.ownerId }));
    await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: w2, quantity: "5", unitCost: "100" }, { userId: t.ownerId }));
    shelf.set(p, dec(Math.max(0, sys + int(-3, 3)))); // shrinkage or surplus nobody knows about
  }
  const countId = await makeCount(t.tenantId, t.ownerId, { warehouseId: t.warehouseId, productIds: products, name: `Conteo ${seed}` });
  const offlineSales: { p: string; q: number; at: string }[] = [];
  const offlineScans: { p: string; q: number; at: string; user: string }[] = [];
  const scanned = new Set<string>();
  const log: string[] = [];

  const scan = async (p: string) => {
    scanned.add(p);
    const q = shelf.get(p)!.toNumber();
    const mode = int(0, 3);
    if (mode === 0) {
      offlineScans.push({ p, q, at: await now(), user: c1.userId });
      log.push(`offline-scan ${p.slice(0, 4)} ${q}`);
      return;
    }
    if (mode === 1 && q > 0) {
      const a = int(0, q); // two counters, two shelves
      await countEntry(t.tenantId, c1.userId, { countId, productId: p, quantity: String(a) });
      await countEntry(t.tenantId, c2.userId, { countId, productId: p, quantity: String(q - a) });
    } else if (mode === 2) {
      const typo = await countEntry(t.tenantId, c2.userId, { countId, productId: p, quantity: String(q + 10) });
      await withTenant(t.tenantId, async (tx) => {
        const { correctCountEntry } = await import("./correct-count-entry");
        await correctCountEntry(tx, { entryId: typo.entry.id, quantity: String(q) }, { userId: c2.userId });
      });
    } else {
      await countEntry(t.tenantId, c1.userId, { countId, productId: p, quantity: String(q) });
    }
    log.push(`scan ${p.slice(0, 4)} ${q}`);
    await now();
  };

  for (let step = 0; step < 24; step++) {
    const p = pick(products);
    const op = int(0, 7);
    const q = int(1, 3);
    if (op === 0 && shelf.get(p)!.gte(q) && (await level(p)).gte(q)) {
      await sale(p, q, await now(), "online");
      shelf.set(p, shelf.get(p)!.minus(q));
      log.push(`sale ${p.slice(0, 4)} ${q}`);
    } else if (op === 1 && shelf.get(p)!.gte(q)) {
      offlineSales.push({ p, q, at: await now() }); // rung now, the server learns later
      shelf.set(p, shelf.get(p)!.minus(q));
      log.push(`offline-sale ${p.slice(0, 4)} ${q}`);
    } else if (op === 2 && offlineSales.length) {
      const s = offlineSales.splice(int(0, offlineSales.length - 1), 1)[0]!;
      await sale(s.p, s.q, s.at, "offline");
      log.push(`sync-sale ${s.p.slice(0, 4)} ${s.q}`);
    } else if (op === 3) {
      await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: String(q), unitCost: "90" }, { userId: t.ownerId }));
      shelf.set(p, shelf.get(p)!.plus(q));
      log.push(`receive ${p.slice(0, 4)} ${q}`);
    } else if (op === 4 && shelf.get(p)!.gte(q) && (await level(p)).gte(q)) {
      await withTenant(t.tenantId, (tx) => transferStock(tx, { productId: p, fromWarehouseId: t.warehouseId, toWarehouseId: w2, quantity: String(q) }, { userId: t.ownerId }));
      shelf.set(p, shelf.get(p)!.minus(q));
      log.push(`transfer-out ${p.slice(0, 4)} ${q}`);
    } else if (op === 5 && (await level(p, w2)).gte(q)) {
      await withTenant(t.tenantId, (tx) => transferStock(tx, { productId: p, fromWarehouseId: w2, toWarehouseId: t.warehouseId, quantity: String(q) }, { userId: t.ownerId }));
      shelf.set(p, shelf.get(p)!.plus(q));
      log.push(`transfer-in ${p.slice(0, 4)} ${q}`);
    } else if (op === 6 && !scanned.has(p)) {
      await scan(p);
    } else if (op === 7 && offlineScans.length) {
      const s = offlineScans.splice(int(0, offlineScans.length - 1), 1)[0]!;
      await countEntry(t.tenantId, s.user, { countId, productId: s.p, quantity: String(s.q), countedAt: s.at });
      log.push(`sync-scan ${s.p.slice(0, 4)} ${s.q}`);
    }
    await now();
  }
  for (const p of products) if (!scanned.has(p)) await scan(p);
  // Everything still on devices reaches the server, in any order, before the review.
  const rest = [...offlineSales.map((s) => ({ kind: "sale" as const, ...s })), ...offlineScans.map((s) => ({ kind: "scan" as const, ...s }))].sort(() => rand() - 0.5);
  for (const r of rest) {
    if (r.kind === "sale") await sale(r.p, r.q, r.at, "offline");
    else await countEntry(t.tenantId, c1.userId, { countId, productId: r.p, quantity: String(r.q), countedAt: r.at });
    log.push(`late-${r.kind} ${r.p.slice(0, 4)} ${r.q}`);
  }

  await closeCount(t.tenantId, t.ownerId, countId);
  const applied = await applyAll(t.tenantId, t.ownerId, countId);
  const result = { seed, applied, stock: [] as string[], shelf: [] as string[], log };
  for (const p of products) {
    result.stock.push((await level(p)).toFixed(3));
    result.shelf.push(shelf.get(p)!.toFixed(3));
  }
  return result;
}

describe("counting while the shop keeps selling (property)", () => {
  it("after apply, stock = counted − sold after the scan + received after it, for random interleavings", async () => {
    const seeds = Array.from({ length: 24 }, (_, i) => 1000 + i * 7919);
    for (const seed of seeds) {
      const r = await scenario(seed);
      expect({ seed, stock: r.stock, failed: r.applied.failed, pending: r.applied.pending, status: r.applied.status }, r.log.join("\n")).toEqual({
        seed,
        stock: r.shelf,
        failed: [],
        pending: 0,
        status: "APPLIED",
      });
    }
    expect(await levelMismatches(t.tenantId)).toEqual([]);
  }, 300_000);
});
