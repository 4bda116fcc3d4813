import { describe, expect, it } from "vitest";
import { authenticate } from "./authenticate";
import { makeTenant } from "../../test/factories";
import { can, ROLE_PERMISSIONS, PERMISSIONS } from "./permissions";

describe("sign-in", () => {
  it("accepts the right password (case-insensitive e-mail) and refuses a wrong one", async () => {
    const t = await makeTenant();
    const ok = await authenticate(t.email.toUpperCase(), t.password, "1.1.1.1");
    expect(ok).toMatchObject({ ok: true, user: { email: t.email, sessionVersion: 1 } });
    expect(await authenticate(t.email, "wrong-password", "1.1.1.1")).toEqual({ ok: false, reason: "INVALID" });
    expect(await authenticate("nobody@nowhere.test", "whatever1", "1.1.1.1")).toEqual({ ok: false, reason: "INVALID" });
  });

  it("locks an account after 5 failures, even with the right password afterwards", async () => {
    const t = await makeTenant();
    for (let i = 0; i < 5; i++) {
      expect((await authenticate(t.email, "nope-nope", `10.0.0.${i}`)).ok).toBe(false);
    }
    expect(await authenticate(t.email, t.password, "10.0.0.99")).toEqual({ ok: false, reason: "RATE_LIMITED" });
  });

  it("locks an IP that tries many accounts", async () => {
    for (let i = 0; i < 5; i++) await authenticate(`someone${i}@x.test`, "nope-nope", "9.9.9.9");
    const t = await makeTenant();
    expect(await authenticate(t.email, t.password, "9.9.9.9")).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect((await authenticate(t.email, t.password, "9.9.9.8")).ok).toBe(true);
  });
});

describe("role → permission matrix", () => {
  it("follows SPEC §2", () => {
    expect(ROLE_PERMISSIONS.OWNER.size).toBe(PERMISSIONS.length);
    expect(can("ADMIN", "tenant.delete")).toBe(false);
    expect(can("ADMIN", "members.manage")).toBe(true);
    expect(can("MANAGER", "purchasing.write")).toBe(true);
    expect(can("MANAGER", "pos.void")).toBe(false);
    expect(can("SUPERVISOR", "pos.void")).toBe(true);
    expect(can("SUPERVISOR", "cash.review")).toBe(true);
    expect(can("CASHIER", "pos.sell")).toBe(true);
    expect(can("CASHIER", "cash.review")).toBe(false);
    expect(can("OPERATOR", "stock.exit")).toBe(true);
    expect(can("OPERATOR", "stock.receive")).toBe(false);
    expect(can("AUDITOR", "counts.perform")).toBe(true);
    expect(can("AUDITOR", "catalog.write")).toBe(false);
    for (const p of ROLE_PERMISSIONS.VIEWER) expect(p.endsWith(".read")).toBe(true);
  });
});
