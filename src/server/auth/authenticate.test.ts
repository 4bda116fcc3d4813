import { describe, expect, it } from "vitest";
import { authenticate } from "./authenticate";
import postgres from "postgres";
import { afterAll } from "vitest";
import { adminSql, makeTenant } from "../../test/factories";

const admin = adminSql();
afterAll(() => admin.end());
import { can, ROLE_PERMISSIONS, PERMISSIONS } from "./permissions";

describe("sign-in", () => {
  it("accepts the right password (case-insensitive e-mail) and refuses a wrong one", async () => {
    const t = await makeTenant();
    const ok = await authenticate(t.email.toUpperCase(), t.password, "1.1.1.1");
    expect(ok).toMatchObject({ ok: true, user: { email: t.email, sessionVersion: 1 } });
    expect(await authenticate(t.email, "wrong-password", "1.1.1.1")).toEqual({ ok: false, reason: "INVALID" });
    expect(await authenticate("nobody@nowhere.test", "whatever1", "1.1.1.1")).toEqual({ ok: false, reason: "INVALID" });
  });

  it("delays (never locks) an account after repeated failures, growing with each one", async () => {
    const t = await makeTenant();
    for (let i = 0; i < 3; i++) expect((await authenticate(t.email, "nope-nope", `10.0.0.${i}`)).ok).toBe(false);
    // Right password during the delay: still refused, without checking it.
    expect(await authenticate(t.email, t.password, "10.0.0.99")).toEqual({ ok: false, reason: "RATE_LIMITED" });
    const delay = async () =>
      (await admin<{ s: number }[]>`select extract(epoch from locked_until - window_start)::float8 as s from login_attempts where key = ${"email:" + t.email}`)[0]!.s;
    const first = await delay();
    await admin`update login_attempts set locked_until = now() - interval '1 second' where key = ${"email:" + t.email}`;
    expect((await authenticate(t.email, "nope-again", "10.0.0.50")).ok).toBe(false);
    expect(await delay()).toBeGreaterThan(first);
    // A delay, not a lock-out: a victim's account is usable again once it has passed (≤ 60 s).
    expect(await delay()).toBeLessThanOrEqual(60);
    await admin`update login_attempts set locked_until = now() - interval '1 second' where key = ${"email:" + t.email}`;
    expect((await authenticate(t.email, t.password, "10.0.0.51")).ok).toBe(true);
  });

  it("delays an IP that tries many accounts", async () => {
    for (let i = 0; i < 3; i++) await authenticate(`someone${i}@x.test`, "nope-nope", "9.9.9.9");
    const t = await makeTenant();
    expect(await authenticate(t.email, t.password, "9.9.9.9")).toEqual({ ok: false, reason: "RATE_LIMITED" });
    expect((await authenticate(t.email, t.password, "9.9.9.8")).ok).toBe(true);
  });

  it("never hands a password hash to the app role", async () => {
    const t = await makeTenant();
    const app = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      await expect(app`select password_hash from users`).rejects.toThrow(/permission denied/);
      const [p] = await app<{ params: string }[]>`select auth_password_params(${t.email}) as params`;
      expect(p!.params).toMatch(/^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+$/);
      const [stored] = await admin<{ h: string }[]>`select password_hash as h from users where id = ${t.ownerId}`;
      expect(stored!.h.startsWith(p!.params + "$")).toBe(true);
      // An unknown e-mail gets a stable fake salt: the lookup is no existence oracle.
      const [u1] = await app<{ params: string }[]>`select auth_password_params('nobody-here@x.test') as params`;
      const [u2] = await app<{ params: string }[]>`select auth_password_params('NOBODY-here@x.test') as params`;
      expect(u1!.params).toBe(u2!.params);
      expect(u1!.params).toMatch(/^\$argon2id\$/);
      // No function the app role may call returns a column named like a hash.
      const leaks = await admin`
        select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and p.prosecdef and has_function_privilege('mostrador_app', p.oid, 'execute')
          and (pg_get_function_result(p.oid) ilike '%hash%')`;
      expect(leaks).toEqual([]);
      await expect(app`select * from all_tenant_ids()`).resolves.toBeDefined();
      await expect(
        app.begin(async (tx) => {
          await tx`select set_config('app.current_user', ${t.ownerId}, true)`;
          return tx`select * from all_tenant_ids()`;
        }),
      ).rejects.toThrow(/background jobs only/);
    } finally {
      await app.end();
    }
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
