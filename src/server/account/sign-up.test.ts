import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { adminSql, makeTenant } from "../../test/factories";
import { callerFor } from "../../test/caller";
import { authenticate } from "../auth/authenticate";
import postgres from "postgres";
import { env } from "../env";

// Sign-up confirmed by e-mail (issue 11): the form never tells whether an e-mail has an
// account, nothing exists until the link is followed, the link works once and expires.

const admin = adminSql();
afterAll(() => admin.end());
beforeEach(async () => {
  await admin`delete from login_attempts`;
});
const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));
const mailsTo = (email: string) =>
  admin<{ subject: string; body: string }[]>`select subject, body from outbox_messages where to_email = ${email} order by created_at`;
const tokenIn = (body: string) => /\/registro\/([A-Za-z0-9_-]+)/.exec(body)?.[1];
const counts = async (email: string, slug: string) =>
  (
    await admin<{ users: number; tenants: number; requests: number }[]>`select
      (select count(*)::int from users where lower(email) = ${email}) as users,
      (select count(*)::int from tenants where slug = ${slug}) as tenants,
      (select count(*)::int from signup_requests where email = ${email}) as requests`
  )[0]!;

let n = 0;
const fresh = () => {
  n += 1;
  const id = `${Date.now().toString(36)}${n}`;
  return { businessName: "Almacén Sur", kind: "RETAIL" as const, slug: `almacen-${id}`, ownerName: "Ana", email: `ana-${id}@sur.test` };
};

describe("sign-up confirmed by e-mail", () => {
  it("answers the same for a new and an existing e-mail; only the new one gets a link, the existing one a notice", async () => {
    const api = callerFor(null, null);
    const existing = await makeTenant();
    const a = fresh();
    const b = { ...fresh(), email: existing.email };

    const answerNew = await api.tenancy.signUp(a);
    const answerExisting = await api.tenancy.signUp(b);
    expect(answerExisting).toEqual(answerNew);
    expect(answerNew).toEqual({ ok: true });

    // Nothing is created yet for the new address: one pending request and its link.
    expect(await counts(a.email, a.slug)).toEqual({ users: 0, tenants: 0, requests: 1 });
    const [toNew] = await mailsTo(a.email);
    expect(toNew!.subject).toMatch(/Confirmá tu e-mail/);
    expect(tokenIn(toNew!.body)).toBeTruthy();
    // No text the visitor typed travels in the mail.
    expect(toNew!.body).not.toContain(a.businessName);
    expect(toNew!.body).not.toContain(a.ownerName);

    // The existing address: a notice with no link that creates anything, no request stored, nothing created.
    expect(await counts(existing.email, b.slug)).toEqual({ users: 1, tenants: 0, requests: 0 });
    const [notice] = await mailsTo(existing.email);
    expect(notice!.subject).toMatch(/Alguien quiso crear una cuenta/);
    expect(tokenIn(notice!.body)).toBeUndefined();
  });

  it("the link creates account and business once, with the password chosen there; a second use is refused", async () => {
    const api = callerFor(null, null);
    const a = fresh();
    await api.tenancy.signUp(a);
    const token = tokenIn((await mailsTo(a.email))[0]!.body)!;

    expect(await api.tenancy.confirmSignUp({ token, password: "clave-segura-1" })).toEqual({ slug: a.slug, email: a.email });
    const [t] = await admin<{ id: string }[]>`select id from tenants where slug = ${a.slug}`;
    const [shape] = await admin`select
      (select count(*)::int from warehouses where tenant_id = ${t!.id} and is_default) as wh,
      (select count(*)::int from registers where tenant_id = ${t!.id}) as reg,
      (select role from memberships where tenant_id = ${t!.id}) as role,
      (select name from users where email = ${a.email}) as name`;
    expect(shape).toEqual({ wh: 1, reg: 1, role: "OWNER", name: a.ownerName });
    expect((await authenticate(a.email, "clave-segura-1", "10.7.0.1")).ok).toBe(true);

    expect(await codeOf(api.tenancy.confirmSignUp({ token, password: "otra-clave-22" }))).toBe("NOT_FOUND");
    expect(await counts(a.email, a.slug)).toMatchObject({ users: 1, tenants: 1 });
    expect((await authenticate(a.email, "otra-clave-22", "10.7.0.2")).ok).toBe(false);
  });

  it("an expired or unknown link creates nothing", async () => {
    const api = callerFor(null, null);
    const a = fresh();
    await api.tenancy.signUp(a);
    const token = tokenIn((await mailsTo(a.email))[0]!.body)!;
    await admin`update signup_requests set expires_at = now() - interval '1 second' where email = ${a.email}`;
    expect(await codeOf(api.tenancy.confirmSignUp({ token, password: "clave-segura-1" }))).toBe("NOT_FOUND");
    expect(await codeOf(api.tenancy.confirmSignUp({ token: "x".repeat(43), password: "clave-segura-1" }))).toBe("NOT_FOUND");
    expect(await counts(a.email, a.slug)).toMatchObject({ users: 0, tenants: 0 });
  });

  it("a business address taken at request time is said at once; taken meanwhile, the same link works with another address", async () => {
    const api = callerFor(null, null);
    const other = await makeTenant();
    const err = (await api.tenancy.signUp({ ...fresh(), slug: other.slug }).catch((e: unknown) => e)) as TRPCError;
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toBe("Esa dirección ya está en uso, elegí otra.");

    const a = fresh();
    await api.tenancy.signUp(a);
    const token = tokenIn((await mailsTo(a.email))[0]!.body)!;
    const rival = await makeTenant();
    await admin`update tenants set slug = ${a.slug} where id = ${rival.tenantId}`;
    expect(await codeOf(api.tenancy.confirmSignUp({ token, password: "clave-segura-1" }))).toBe("CONFLICT");
    // Rolled back: no account, the link still unused.
    expect(await counts(a.email, a.slug)).toMatchObject({ users: 0, tenants: 1 });
    const other2 = `${a.slug}-2`;
    expect(await api.tenancy.confirmSignUp({ token, password: "clave-segura-1", slug: other2 })).toEqual({ slug: other2, email: a.email });
  });

  it("an e-mail that got an account meanwhile is not given a second one", async () => {
    const api = callerFor(null, null);
    const a = fresh();
    await api.tenancy.signUp(a);
    await api.tenancy.signUp({ ...a, slug: `${a.slug}-b` });
    const [first, second] = (await mailsTo(a.email)).map((m) => tokenIn(m.body)!);
    await api.tenancy.confirmSignUp({ token: first!, password: "clave-segura-1" });
    expect(await codeOf(api.tenancy.confirmSignUp({ token: second!, password: "clave-segura-2" }))).toBe("CONFLICT");
    expect(await counts(a.email, `${a.slug}-b`)).toMatchObject({ users: 1, tenants: 0 });
    expect((await authenticate(a.email, "clave-segura-1", "10.7.0.3")).ok).toBe(true);
  });

  it("a flood of sign-ups for one address stops mailing it, with the same answer", async () => {
    const a = fresh();
    for (let i = 0; i < 5; i++) {
      await admin`delete from login_attempts`;
      expect(await callerFor(null, null).tenancy.signUp({ ...a, slug: `${a.slug}-${i}` })).toEqual({ ok: true });
    }
    expect(await mailsTo(a.email)).toHaveLength(3);
  });

  it("bounded input, and the pending requests are unreadable to the app role", async () => {
    const api = callerFor(null, null);
    expect(await codeOf(api.tenancy.signUp({ ...fresh(), email: `${"a".repeat(250)}@x.test` }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.tenancy.signUp({ ...fresh(), businessName: "x".repeat(121) }))).toBe("BAD_REQUEST");
    expect(await codeOf(api.tenancy.confirmSignUp({ token: "x".repeat(201), password: "clave-segura-1" }))).toBe("BAD_REQUEST");
    const app = postgres(env().DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      await expect(app`select * from signup_requests limit 1`).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });

  it("sign-up requests from one client address are rate limited", async () => {
    const api = callerFor(null, null);
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) codes.push(await codeOf(api.tenancy.signUp(fresh())));
    expect(codes.slice(0, 5)).toEqual(["OK", "OK", "OK", "OK", "OK"]);
    expect(codes.slice(5)).toEqual(["TOO_MANY_REQUESTS", "TOO_MANY_REQUESTS"]);
  });
});
