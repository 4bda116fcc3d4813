import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb, type Tx } from "../db/client";
import { withTenant } from "../db/with-tenant";
import { adminSql, makeTenant } from "../../test/factories";
import { makePack, makeProduct, stockOf } from "../../test/inventory";
import { receiveStock } from "./receive-stock";
import { exitStock } from "./exit-stock";

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
