import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { withTenant } from "../db/with-tenant";
import { openSession } from "../pos/test-helpers";
import { applyPosOps } from "./apply-pos-ops";

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: { userId: string };
let other: { userId: string };
let registerId: string;

const ops = (userId: string, list: unknown[]) =>
  applyPosOps((fn) => withTenant(t.tenantId, fn, { userId }), list, { userId, canReview: false }, () => {});
const at = () => new Date().toISOString();

beforeAll(async () => {
  t = await makeTenant("Almacén");
  cashier = await addMember(t.tenantId, "CASHIER");
  other = await addMember(t.tenantId, "CASHIER");
  const [r] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  registerId = r!.id;
});

describe("queued terminal operations", () => {
  it("opens a shift offline with the client's id and time; a replay answers DUPLICATE; movements are applied once", async () => {
    const open = { kind: "OPEN_SESSION", id: randomUUID(), registerId, openingFloat: "10000.00", at: new Date(Date.now() - 60_000).toISOString() };
    const out = { kind: "CASH_MOVEMENT", id: randomUUID(), cashSessionId: open.id, type: "MANUAL_OUT", amount: "2500.00", reason: "Pago a proveedor", at: at() };
    expect((await ops(cashier.userId, [open, out])).map((r) => r.status)).toEqual(["ACCEPTED", "ACCEPTED"]);
    // Lost response: the terminal sends both again.
    expect((await ops(cashier.userId, [open, out])).map((r) => r.status)).toEqual(["DUPLICATE", "DUPLICATE"]);
    const [s] = await admin<{ opening_float: string; opened_offline: boolean; open_conflict: boolean; opened_by: string; opened_at: Date }[]>`
      select opening_float, opened_offline, open_conflict, opened_by, opened_at from cash_sessions where id = ${open.id}`;
    expect(s).toMatchObject({ opening_float: "10000.00", opened_offline: true, open_conflict: false, opened_by: cashier.userId });
    expect(s!.opened_at.toISOString()).toBe(new Date(open.at).toISOString());
    const moves = await admin`select amount, type from cash_movements where cash_session_id = ${open.id}`;
    expect(moves).toEqual([{ amount: "-2500.00", type: "MANUAL_OUT" }]);
    await admin`update cash_sessions set status = 'CLOSED', closed_at = now() where id = ${open.id}`;
  });

  it("a shift opened offline while another is open on the register is accepted and flagged, never dropped", async () => {
    const online = await openSession(t.tenantId, other.userId, registerId, "0.00");
    const open = { kind: "OPEN_SESSION", id: randomUUID(), registerId, openingFloat: "500.00", at: at() };
    expect((await ops(cashier.userId, [open]))[0]).toMatchObject({ status: "ACCEPTED_WITH_CONFLICT" });
    const rows = await admin<{ id: string; open_conflict: boolean; status: string }[]>`
      select id, open_conflict, status from cash_sessions where register_id = ${registerId} and status = 'OPEN' order by open_conflict`;
    expect(rows).toEqual([
      { id: online.id, open_conflict: false, status: "OPEN" },
      { id: open.id, open_conflict: true, status: "OPEN" },
    ]);
    // Someone else's movement on that shift is refused with a reason (kept visible on the terminal).
    const foreign = { kind: "CASH_MOVEMENT", id: randomUUID(), cashSessionId: open.id, type: "MANUAL_IN", amount: "1,00", reason: "x", at: at() };
    const [bad] = await ops(other.userId, [foreign]);
    expect(bad).toMatchObject({ status: "REFUSED", code: "VALIDATION" });
    const [forbidden] = await ops(other.userId, [{ ...foreign, amount: "1.00", reason: "Cambio" }]);
    expect(forbidden).toMatchObject({ status: "REFUSED", code: "FORBIDDEN" });
    await admin`update cash_sessions set status = 'CLOSED', closed_at = now() where register_id = ${registerId}`;
  });

  it("a customer typed offline is created once; one already known by document maps to the existing id", async () => {
    const c = { kind: "CREATE_CUSTOMER", id: randomUUID(), docType: "CUIT", docNumber: "30712345679", name: "Hielo Sur SRL", ivaCondition: "RESPONSABLE_INSCRIPTO", at: at() };
    expect((await ops(cashier.userId, [c, c])).map((r) => r.status)).toEqual(["ACCEPTED", "DUPLICATE"]);
    const again = { ...c, id: randomUUID(), name: "Hielo Sur" };
    const [mapped] = await ops(cashier.userId, [again]);
    expect(mapped).toMatchObject({ status: "ACCEPTED", mappedId: c.id });
    const rows = await admin`select id, name from customers where tenant_id = ${t.tenantId} and doc_number = '30712345679'`;
    expect(rows).toEqual([{ id: c.id, name: "Hielo Sur SRL" }]);
  });
});
