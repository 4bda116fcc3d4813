import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { callerFor } from "../../test/caller";
import { withTenant } from "../db/with-tenant";
import { openSession } from "../pos/test-helpers";
import { applyPosOps } from "../offline/apply-pos-ops";

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let cashier: { userId: string };
let other: { userId: string };
let supervisor: { userId: string };
let registerId: string;

beforeAll(async () => {
  t = await makeTenant("Kiosco");
  cashier = await addMember(t.tenantId, "CASHIER");
  other = await addMember(t.tenantId, "CASHIER");
  supervisor = await addMember(t.tenantId, "SUPERVISOR");
  const [r] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  registerId = r!.id;
});

const code = async (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));

describe("open-session conflicts for the supervisor", () => {
  it("lists a shift opened offline on an already open register beside the other one; a supervisor resolves it once, a cashier cannot", async () => {
    const online = await openSession(t.tenantId, other.userId, registerId, "0.00");
    const id = randomUUID();
    const [r] = await applyPosOps(
      (fn) => withTenant(t.tenantId, fn, { userId: cashier.userId }),
      [{ kind: "OPEN_SESSION", id, registerId, openingFloat: "1500.00", at: new Date().toISOString() }],
      { userId: cashier.userId, canReview: false },
      () => {},
    );
    expect(r).toMatchObject({ status: "ACCEPTED_WITH_CONFLICT" });

    const sup = callerFor(supervisor.userId, t.slug);
    const open = await sup.pos.openConflicts({ status: "OPEN" });
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ id, openingFloat: "1500.00", status: "OPEN", sales: 0, salesTotal: "0", resolution: null, other: { id: online.id, status: "OPEN" } });

    // The permission is checked on the server: a cashier neither sees nor resolves conflicts.
    const cash = callerFor(cashier.userId, t.slug);
    expect(await code(cash.pos.openConflicts({ status: "OPEN" }))).toBe("FORBIDDEN");
    expect(await code(cash.pos.resolveOpenConflict({ id, resolution: "Lo cierro yo" }))).toBe("FORBIDDEN");

    expect(await code(sup.pos.resolveOpenConflict({ id, resolution: "x" }))).toBe("BAD_REQUEST");
    const done = await sup.pos.resolveOpenConflict({ id, resolution: "Dos cajeros en la misma caja: se cierran por separado" });
    expect(done.id).toBe(id);
    // Written once: a second resolution (another supervisor at the same time) is refused.
    expect(await code(sup.pos.resolveOpenConflict({ id, resolution: "Otra decisión" }))).toBe("PRECONDITION_FAILED");
    expect(await sup.pos.openConflicts({ status: "OPEN" })).toEqual([]);
    const resolved = await sup.pos.openConflicts({ status: "RESOLVED" });
    expect(resolved.map((c) => [c.id, c.resolution, c.resolvedByName !== null])).toEqual([[id, "Dos cajeros en la misma caja: se cierran por separado", true]]);
    // The flag stays in the history, the session is untouched.
    const [s] = await admin<{ open_conflict: boolean; status: string }[]>`select open_conflict, status from cash_sessions where id = ${id}`;
    expect(s).toEqual({ open_conflict: true, status: "OPEN" });
  });
});
