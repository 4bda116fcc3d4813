import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { withTenant } from "../db/with-tenant";
import { openCashSession } from "./open-cash-session";
import { addCashMovement } from "./add-cash-movement";
import { closeCashSession } from "./close-cash-session";
import { getCashSession } from "./get-cash-session";
import { justifyCashSession, ZJustifyCashSessionInput } from "./justify-cash-session";
import { computeDeviation } from "./deviation";
import { isAppError } from "../errors/app-error";

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: { userId: string };
let supervisor: { userId: string };
let registerId: string;

async function newRegister(name: string) {
  const [r] = await admin<{ id: string }[]>`
    insert into registers (tenant_id, name, warehouse_id) values (${t.tenantId}, ${name}, ${t.warehouseId}) returning id`;
  return r!.id;
}

beforeAll(async () => {
  t = await makeTenant("Kiosco");
  cashier = await addMember(t.tenantId, "CASHIER");
  supervisor = await addMember(t.tenantId, "SUPERVISOR");
  const [r] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  registerId = r!.id;
});

const asCashier = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.tenantId, fn, { userId: cashier.userId });

/** A session with float 100.00 on its own register, declared with `cash`. */
async function closeWith(cash: string) {
  const reg = await newRegister(`Caja ${Math.random().toString(36).slice(2, 8)}`);
  const s = await asCashier((tx) => openCashSession(tx, { registerId: reg, openingFloat: "60.00" }, { userId: cashier.userId }));
  await asCashier((tx) =>
    addCashMovement(tx, { cashSessionId: s.id, type: "MANUAL_IN", amount: "50.00", reason: "Cambio" }, { userId: cashier.userId }),
  );
  await asCashier((tx) =>
    addCashMovement(tx, { cashSessionId: s.id, type: "MANUAL_OUT", amount: "10.00", reason: "Delivery" }, { userId: cashier.userId }),
  );
  // expected CASH = 60 + 50 − 10 = 100.00
  const r = await asCashier((tx) =>
    closeCashSession(tx, { cashSessionId: s.id, declared: [{ method: "CASH", amount: cash }] }, { userId: cashier.userId }),
  );
  return { sessionId: s.id, ...r };
}

describe("cash sessions", () => {
  it("allows one open session per register, enforced by the database", async () => {
    const s = await asCashier((tx) => openCashSession(tx, { registerId, openingFloat: "1000.00" }, { userId: cashier.userId }));
    expect(s.status).toBe("OPEN");
    await expect(
      asCashier((tx) => openCashSession(tx, { registerId, openingFloat: "5.00" }, { userId: cashier.userId })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    // Even bypassing the service's check, the partial unique index refuses a second OPEN row.
    await expect(
      admin`insert into cash_sessions (tenant_id, register_id, opening_float, opened_by) values (${t.tenantId}, ${registerId}, 0, ${cashier.userId})`,
    ).rejects.toMatchObject({ code: "23505" });
    // Concurrent openings on a fresh register: exactly one wins.
    const reg = await newRegister("Caja concurrente");
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => asCashier((tx) => openCashSession(tx, { registerId: reg, openingFloat: "0" }, { userId: cashier.userId }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(isAppError(r.reason) && r.reason.code).toBe("CONFLICT");
  });

  it("keeps cash movements immutable", async () => {
    const [m] = await admin<{ id: string }[]>`select id from cash_movements where tenant_id = ${t.tenantId} limit 1`.then(async (rows) => {
      if (rows.length) return rows;
      const [s] = await admin<{ id: string }[]>`select id from cash_sessions where tenant_id = ${t.tenantId} and status = 'OPEN' limit 1`;
      await asCashier((tx) =>
        addCashMovement(tx, { cashSessionId: s!.id, type: "MANUAL_IN", amount: "1.00", reason: "Prueba" }, { userId: cashier.userId }),
      );
      return admin<{ id: string }[]>`select id from cash_movements where tenant_id = ${t.tenantId} limit 1`;
    });
    // Even the superuser is refused by the trigger; the app role lacks the grant too.
    await expect(admin`update cash_movements set amount = 0 where id = ${m!.id}`).rejects.toThrow(/append-only/);
    await expect(admin`delete from cash_movements where id = ${m!.id}`).rejects.toThrow(/append-only/);
    await expect(asCashier((tx) => tx.execute(sql`update cash_movements set amount = 0 where id = ${m!.id}`))).rejects.toThrow();
  });

  it("classifies deviations at the boundaries (1 % NORMAL, just over WARNING, 5 % WARNING, just over CRITICAL)", async () => {
    const cases: [string, string, string][] = [
      ["100.00", "NORMAL", "NOT_REQUIRED"],
      ["99.00", "NORMAL", "NOT_REQUIRED"], // exactly −1 %
      ["101.00", "NORMAL", "NOT_REQUIRED"], // exactly +1 %
      ["98.99", "WARNING", "NOT_REQUIRED"], // −1.01 %
      ["95.00", "WARNING", "NOT_REQUIRED"], // exactly −5 %
      ["105.00", "WARNING", "NOT_REQUIRED"], // exactly +5 %
      ["94.99", "CRITICAL", "PENDING"], // −5.01 %
      ["105.01", "CRITICAL", "PENDING"],
    ];
    for (const [declared, cls, review] of cases) {
      const r = await closeWith(declared);
      expect({ declared, cls: r.closing.deviationClass, review: r.closing.review }).toEqual({ declared, cls, review });
      expect(r.closing.expectedTotal).toBe("100.00");
    }
    // Finer than cents: 1.0001 % is already WARNING.
    expect(computeDeviation("10100.01", "10000").class).toBe("WARNING");
    expect(computeDeviation("10100.00", "10000").class).toBe("NORMAL");
    expect(computeDeviation("5", "0").class).toBe("CRITICAL");
    expect(computeDeviation("0", "0").class).toBe("NORMAL");
  });

  it("a cashier cannot read expected amounts before declaring; a supervisor can; after declaring both can", async () => {
    const reg = await newRegister("Caja ciega");
    const s = await asCashier((tx) => openCashSession(tx, { registerId: reg, openingFloat: "500.00" }, { userId: cashier.userId }));
    await asCashier((tx) =>
      addCashMovement(tx, { cashSessionId: s.id, type: "MANUAL_IN", amount: "123.45", reason: "Cambio" }, { userId: cashier.userId }),
    );
    const before = await asCashier((tx) => getCashSession(tx, s.id, { userId: cashier.userId, canReview: false }));
    expect(before.revealed).toBe(false);
    expect(JSON.stringify(before)).not.toContain("623.45");
    expect(before).not.toHaveProperty("expected");

    const sup = await withTenant(t.tenantId, (tx) => getCashSession(tx, s.id, { userId: supervisor.userId, canReview: true }));
    expect(sup.revealed && sup.expected.CASH).toBe("623.45");

    // Another cashier cannot look at (or close) someone else's session at all.
    const other = await addMember(t.tenantId, "CASHIER");
    await expect(
      withTenant(t.tenantId, (tx) => getCashSession(tx, s.id, { userId: other.userId, canReview: false })),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const closed = await asCashier((tx) =>
      closeCashSession(tx, { cashSessionId: s.id, declared: [{ method: "CASH", amount: "500.00" }] }, { userId: cashier.userId }),
    );
    expect(closed.closing.deviation).toBe("-123.45");
    expect(closed.closing.deviationClass).toBe("CRITICAL");
    const after = await asCashier((tx) => getCashSession(tx, s.id, { userId: cashier.userId, canReview: false }));
    expect(after.revealed && after.expected.CASH).toBe("623.45");
    await expect(
      asCashier((tx) => addCashMovement(tx, { cashSessionId: s.id, type: "MANUAL_IN", amount: "1.00", reason: "tarde" }, { userId: cashier.userId })),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("a critical closing stays pending until a supervisor justifies it", async () => {
    const r = await closeWith("80.00");
    expect(r.closing.review).toBe("PENDING");
    // The router's input schema refuses an empty-ish justification.
    expect(ZJustifyCashSessionInput.safeParse({ cashSessionId: r.sessionId, justification: "no" }).success).toBe(false);
    const j = await withTenant(t.tenantId, (tx) =>
      justifyCashSession(tx, { cashSessionId: r.sessionId, justification: "Pago a proveedor sin registrar" }, supervisor),
    );
    expect(j.review).toBe("JUSTIFIED");
    expect(j.justifiedBy).toBe(supervisor.userId);
    await expect(
      withTenant(t.tenantId, (tx) => justifyCashSession(tx, { cashSessionId: r.sessionId, justification: "otra vez más" }, supervisor)),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    const normal = await closeWith("100.00");
    await expect(
      withTenant(t.tenantId, (tx) => justifyCashSession(tx, { cashSessionId: normal.sessionId, justification: "nada que justificar" }, supervisor)),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
  });
});
