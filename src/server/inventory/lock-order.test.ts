import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb, type Tx } from "../db/client";
import { withTenant } from "../db/with-tenant";
import { adminSql, makeTenant } from "../../test/factories";
import { makePack, makeProduct, stockOf } from "../../test/inventory";
import { receiveStock } from "./receive-stock";
import { exitStock } from "./exit-stock";
import { lockExitChain } from "./lock-exit-chain";
import { readSale } from "../pos/sale-reads";
import { openSession, saleInput } from "../pos/test-helpers";

const admin = adminSql();
afterAll(() => admin.end());

/** A tenant transaction WITHOUT the doors' deadlock retry: a deadlock here is a failure. */
const raw = <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) =>
  getDb().transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.current_tenant', ${tenantId}, true)`);
    return fn(tx);
  });

async function someoneWaitsOnALock() {
  for (let i = 0; i < 400; i++) {
    const [r] = await admin<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
    if (r!.n > 0) return;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error("nobody ever waited on a lock");
}

describe("pack unpacking lock order", () => {
  it("a sale of [six-pack, bottle] and a short bottle exit that opens a six-pack never deadlock", async () => {
    const t = await makeTenant();
    const a = await makeProduct(t.tenantId, { name: "Pack A" });
    const b = await makeProduct(t.tenantId, { name: "Pack B" });
    // The parent sorts first: id order (the sale's) and child → parent (lazy unpacking) disagree.
    const [sixPack, bottle] = [a, b].sort();
    await makePack(t.tenantId, sixPack!, bottle!, "6");
    const w = t.warehouseId;
    await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: sixPack!, warehouseId: w, quantity: "2", unitCost: "600" }, { userId: null }));
    const out = (tx: Tx, productId: string) => exitStock(tx, { productId, warehouseId: w, quantity: "1", movementType: "SALE" }, { userId: null });

    let started!: () => void;
    const saleHoldsSixPack = new Promise<void>((r) => (started = r));
    const sale = raw(t.tenantId, async (tx) => {
      await out(tx, sixPack!);
      started();
      await someoneWaitsOnALock(); // the bottle exit is now blocked behind us
      await out(tx, bottle!); // opens the last six-pack
    });
    await saleHoldsSixPack;
    const bottleExit = raw(t.tenantId, (tx) => out(tx, bottle!));
    const results = await Promise.allSettled([sale, bottleExit]);
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason?.cause?.code ?? r.reason) : "ok"))).toEqual(["ok", "ok"]);
    expect(await stockOf(t.tenantId, sixPack!, w)).toEqual({ level: "0.000", lots: "0.000" });
    expect(await stockOf(t.tenantId, bottle!, w)).toEqual({ level: "4.000", lots: "4.000" });
  });
});

/**
 * The chain levels `lock` has taken when it blocks on `held` (held by another transaction):
 * the ones it already locked in its order. Read from a third session with SKIP LOCKED.
 */
async function lockedBefore(tenantId: string, chain: string[], held: string, lock: (tx: Tx) => Promise<unknown>) {
  let release!: () => void;
  let holding!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const isHeld = new Promise<void>((r) => (holding = r));
  const holder = raw(tenantId, async (tx) => {
    await tx.execute(sql`select 1 from stock_levels where product_id = ${held} for update`);
    holding();
    await released;
  });
  await isHeld;
  const locker = raw(tenantId, lock);
  try {
    await someoneWaitsOnALock();
    const free = await admin<{ product_id: string }[]>`
      select product_id from stock_levels where tenant_id = ${tenantId} and product_id = any(${chain}::uuid[]) for update skip locked`;
    return chain.filter((id) => id !== held && !free.some((f) => f.product_id === id));
  } finally {
    release();
    await Promise.all([holder, locker]);
  }
}

describe("one lock order for the sale's reads and every other exit", () => {
  it("both lock a bottle's two-level pack chain (bottle → six-pack → pallet) up front, in product-id order", async () => {
    const t = await makeTenant();
    const ids = [];
    for (const name of ["Cadena A", "Cadena B", "Cadena C"]) ids.push(await makeProduct(t.tenantId, { name }));
    // Chain order and id order disagree: the pallet sorts first, the six-pack last.
    const [pallet, bottle, sixPack] = ids.sort() as [string, string, string];
    await makePack(t.tenantId, sixPack, bottle, "6");
    await makePack(t.tenantId, pallet, sixPack, "10");
    const w = t.warehouseId;
    for (const p of ids) await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: w, quantity: "1", unitCost: "10" }, { userId: null }));
    const [register] = await admin<{ id: string; warehouse_id: string }[]>`select id, warehouse_id from registers where tenant_id = ${t.tenantId}`;
    expect(register!.warehouse_id).toBe(w);
    const session = await openSession(t.tenantId, t.ownerId, register!.id);
    const sale = saleInput(register!.id, session.id, [{ productId: bottle, quantity: "1", unitPrice: "100.00" }], [{ method: "CASH", amount: "100.00" }]);

    const paths = {
      saleReads: (tx: Tx) => readSale(tx, sale, { needAllowNegative: false, stock: true }),
      exitChain: (tx: Tx) => lockExitChain(tx, [bottle], w),
    };
    for (const lock of Object.values(paths)) {
      // Blocked on the bottle it already holds the pallet; blocked on the six-pack, the pallet and the bottle.
      expect(await lockedBefore(t.tenantId, ids, bottle, lock)).toEqual([pallet]);
      expect(await lockedBefore(t.tenantId, ids, sixPack, lock)).toEqual([pallet, bottle]);
    }
  });
});
