import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { callerFor } from "../../test/caller";
import { openSession, seedProduct } from "../pos/test-helpers";
import { withTenant } from "./with-tenant";
import { isTransientConflict, retryTransient, sqlState } from "./retry";
import { log } from "../log";

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
beforeAll(async () => {
  t = await makeTenant("Reintentos");
});

/** Resolves once `n` parties have arrived. */
function barrier(n: number) {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return () => {
    arrived++;
    if (arrived === n) open();
    return opened;
  };
}

/** Waits until some backend of this database is blocked on a lock (no fixed sleeps). */
async function someoneWaitsOnALock() {
  for (let i = 0; i < 400; i++) {
    const [r] = await admin<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`;
    if (r!.n > 0) return;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error("nobody ever waited on a lock");
}

describe("transient conflicts", () => {
  it("finds the SQLSTATE through wrappers and only retries 40P01/40001", async () => {
    expect(sqlState({ message: "x", cause: { cause: { code: "40P01" } } })).toBe("40P01");
    expect(isTransientConflict({ cause: { code: "40001" } })).toBe(true);
    expect(isTransientConflict({ cause: { code: "23505" } })).toBe(false);
    let runs = 0;
    await expect(
      retryTransient(async () => {
        runs++;
        throw Object.assign(new Error("unique"), { code: "23505" });
      }),
    ).rejects.toThrow("unique");
    expect(runs).toBe(1);
    runs = 0;
    await expect(
      retryTransient(async () => {
        runs++;
        throw Object.assign(new Error("deadlock"), { code: "40P01" });
      }),
    ).rejects.toThrow("deadlock");
    expect(runs).toBe(4); // bounded
  });

  it("a forced deadlock between two withTenant transactions: the victim is rerun and both succeed", async () => {
    const a = await seedProduct(t.tenantId, t.ownerId, { name: "Uno", price: "1" });
    const b = await seedProduct(t.tenantId, t.ownerId, { name: "Dos", price: "1" });
    const meet = barrier(2);
    const attempts = { ab: 0, ba: 0 };
    const touch = (tx: Parameters<Parameters<typeof withTenant>[1]>[0], id: string, tag: string) =>
      tx.execute(sql`update products set name = name || ${tag} where id = ${id}`);
    const [r1, r2] = await Promise.all([
      withTenant(t.tenantId, async (tx) => {
        attempts.ab++;
        await touch(tx, a, "·");
        if (attempts.ab === 1) await meet();
        await touch(tx, b, "·");
        return "ab";
      }),
      withTenant(t.tenantId, async (tx) => {
        attempts.ba++;
        await touch(tx, b, "+");
        if (attempts.ba === 1) await meet();
        await touch(tx, a, "+");
        return "ba";
      }),
    ]);
    expect([r1, r2]).toEqual(["ab", "ba"]);
    // Exactly one of them was chosen as the deadlock victim and ran a second time.
    expect(attempts.ab + attempts.ba).toBe(3);
    // Each transaction's two writes landed exactly once (the victim's first try left nothing).
    const names = await admin<{ name: string }[]>`select name from products where id in (${a}, ${b})`;
    for (const { name } of names) expect([name.split("·").length, name.split("+").length]).toEqual([2, 2]);
  });

  it("a sale through the tRPC procedure that loses a deadlock is retried and committed once", async () => {
    const cashier = await addMember(t.tenantId, "CASHIER");
    const [reg] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId} limit 1`;
    const session = await openSession(t.tenantId, cashier.userId, reg!.id, "0");
    const stock = [{ warehouseId: t.warehouseId, quantity: "10", unitCost: "1" }];
    const p1 = await seedProduct(t.tenantId, t.ownerId, { name: "Pan", price: "10.00", stock });
    const p2 = await seedProduct(t.tenantId, t.ownerId, { name: "Leche", price: "20.00", stock });
    // The sale locks stock levels in id order; the intruder takes them the other way round.
    const [low, high] = [p1, p2].sort();
    const warn = vi.spyOn(log, "warn");
    let intruderAttempts = 0;
    let releaseIntruder!: () => void;
    const intruderHolds = new Promise<void>((r) => (releaseIntruder = r));
    const intruder = withTenant(t.tenantId, async (tx) => {
      intruderAttempts++;
      await tx.execute(sql`select 1 from stock_levels where product_id = ${high} for update`);
      releaseIntruder();
      await someoneWaitsOnALock(); // the sale holds `low` and waits for `high`
      await tx.execute(sql`select 1 from stock_levels where product_id = ${low} for update`);
    });
    await intruderHolds;
    const saleId = randomUUID();
    const sale = await callerFor(cashier.userId, t.slug).pos.createSale({
      id: saleId,
      registerId: reg!.id,
      cashSessionId: session.id,
      createdAt: new Date().toISOString(),
      lines: [
        { productId: p1, quantity: "1", unitPrice: "10.00" },
        { productId: p2, quantity: "1", unitPrice: "20.00" },
      ],
      payments: [{ method: "CASH", amount: "30.00" }],
    });
    await intruder;
    expect(sale).toMatchObject({ status: "CREATED", total: "30.00" });
    // The sale waited first, so its deadlock check fired first: it was the victim, and retried.
    expect(intruderAttempts).toBe(1);
    expect(warn.mock.calls.some(([o]) => (o as { door?: string; sqlState?: string }).door === "withSessionMembership" && (o as { sqlState?: string }).sqlState === "40P01")).toBe(true);
    warn.mockRestore();
    const [n] = await admin<{ n: number }[]>`select count(*)::int as n from sales where id = ${saleId}`;
    expect(n!.n).toBe(1);
    const [mv] = await admin<{ n: number }[]>`select count(*)::int as n from stock_movements where source_id = ${saleId}`;
    expect(mv!.n).toBe(2);
  });
});
