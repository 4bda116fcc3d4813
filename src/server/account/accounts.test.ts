import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { callerFor } from "../../test/caller";
import { createContext, createCallerFactory } from "../api/trpc";
import { appRouter } from "../api/root";
import { authOptions } from "../auth/options";
import { authenticate } from "../auth/authenticate";
import { env } from "../env";

const admin = adminSql();
afterAll(() => admin.end());
beforeEach(async () => {
  await admin`delete from login_attempts`;
});
const codeOf = (p: Promise<unknown>) => p.then(() => "OK", (e: unknown) => (e instanceof TRPCError ? e.code : String(e)));
const lastMailTo = async (email: string) =>
  (await admin<{ subject: string; body: string }[]>`select subject, body from outbox_messages where to_email = ${email} order by created_at desc limit 1`)[0];
const linkToken = (body: string, path: string) => new RegExp(`${path}/([^\\s]+)`).exec(body)![1]!;

describe("sign-out (issue 11)", () => {
  it("a replayed cookie is refused after sign-out", async () => {
    const t = await makeTenant();
    const cookie = `next-auth.session-token=${await encode({ token: { sub: t.ownerId, uid: t.ownerId, sv: 1, sid: "sess-" + t.tenantId }, secret: env().NEXTAUTH_SECRET })}`;
    const call = async () => {
      const ctx = await createContext(new NextRequest("http://localhost/api/trpc/x", { headers: { cookie, "x-tenant-slug": t.slug } }), "r");
      return codeOf(createCallerFactory(appRouter)(ctx).tenancy.current());
    };
    expect(await call()).toBe("OK");
    // next-auth calls this on POST /api/auth/signout with the session's token.
    await authOptions().events!.signOut!({ token: { uid: t.ownerId, sid: "sess-" + t.tenantId, exp: Math.floor(Date.now() / 1000) + 3600 } } as never);
    expect(await call()).toBe("UNAUTHORIZED");
  });
});

describe("change password", () => {
  it("needs the current one and ends every session", async () => {
    const t = await makeTenant();
    const me = callerFor(t.ownerId, t.slug);
    expect(await codeOf(me.account.changePassword({ currentPassword: "wrong-one!", newPassword: "new-password-1" }))).toBe("BAD_REQUEST");
    await me.account.changePassword({ currentPassword: t.password, newPassword: "new-password-1" });
    expect(await codeOf(callerFor(t.ownerId, t.slug, 1).tenancy.current())).toBe("UNAUTHORIZED");
    expect((await authenticate(t.email, t.password, "10.9.0.1")).ok).toBe(false);
    expect(await authenticate(t.email, "new-password-1", "10.9.0.2")).toMatchObject({ ok: true, user: { sessionVersion: 2 } });
  });
});

describe("members: role, disable, forced reset", () => {
  it("owner changes a role, disables and re-enables, forces a reset; nobody acts on themselves", async () => {
    const t = await makeTenant();
    const m = await addMember(t.tenantId, "CASHIER");
    const owner = callerFor(t.ownerId, t.slug);
    const list = await owner.tenancy.members();
    expect(list.every((x) => !("userId" in x))).toBe(true);
    const target = list.find((x) => !x.isMe)!;
    const self = list.find((x) => x.isMe)!;
    await owner.tenancy.changeMemberRole({ memberId: target.memberId, role: "SUPERVISOR" });
    expect((await callerFor(m.userId, t.slug).tenancy.current()).role).toBe("SUPERVISOR");
    await owner.tenancy.setMemberDisabled({ memberId: target.memberId, disabled: true });
    expect(await codeOf(callerFor(m.userId, t.slug).tenancy.current())).toBe("NOT_FOUND");
    await owner.tenancy.setMemberDisabled({ memberId: target.memberId, disabled: false });
    expect((await callerFor(m.userId, t.slug).tenancy.current()).role).toBe("SUPERVISOR");
    expect(await codeOf(owner.tenancy.changeMemberRole({ memberId: self.memberId, role: "VIEWER" }))).toBe("PRECONDITION_FAILED");
    // An admin cannot touch the owner nor make owners.
    const adm = await addMember(t.tenantId, "ADMIN");
    expect(await codeOf(callerFor(adm.userId, t.slug).tenancy.setMemberDisabled({ memberId: self.memberId, disabled: true }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(adm.userId, t.slug).tenancy.changeMemberRole({ memberId: target.memberId, role: "OWNER" }))).toBe("FORBIDDEN");
    // Forced reset: the member's sessions end and a link arrives; the link sets a new password.
    await owner.tenancy.forcePasswordReset({ memberId: target.memberId });
    expect(await codeOf(callerFor(m.userId, t.slug, 1).tenancy.current())).toBe("UNAUTHORIZED");
    const mail = await lastMailTo(m.email);
    const token = linkToken(mail!.body, "/recuperar");
    await callerFor(null, null).account.resetPassword({ token, password: "brand-new-pass" });
    expect((await authenticate(m.email, "brand-new-pass", "10.9.0.3")).ok).toBe(true);
    expect(await codeOf(callerFor(null, null).account.resetPassword({ token, password: "again-again-1" }))).toBe("NOT_FOUND");
  });
});

describe("password reset request", () => {
  it("answers the same for a known and an unknown e-mail; only the known one gets a link", async () => {
    const t = await makeTenant();
    const anon = createCallerFactory(appRouter)({ requestId: "r", tenantSlug: null, ip: "10.77.0.1", token: null });
    expect(await anon.account.requestPasswordReset({ email: t.email })).toEqual({ ok: true });
    expect(await anon.account.requestPasswordReset({ email: "nadie-" + t.tenantId + "@x.test" })).toEqual({ ok: true });
    expect(await lastMailTo(t.email)).toBeDefined();
    expect(await lastMailTo("nadie-" + t.tenantId + "@x.test")).toBeUndefined();
  });

  it("a flood of requests for one address mails it at most 3 times an hour, with the same answer", async () => {
    const t = await makeTenant();
    for (let i = 0; i < 5; i++) {
      const anon = createCallerFactory(appRouter)({ requestId: "r", tenantSlug: null, ip: `10.79.0.${i}`, token: null });
      expect(await anon.account.requestPasswordReset({ email: t.email })).toEqual({ ok: true });
    }
    const [n] = await admin<{ n: number }[]>`select count(*)::int as n from outbox_messages where to_email = ${t.email}`;
    expect(n!.n).toBe(3);
  });
});

describe("invitations (issue 11)", () => {
  it("never attach an existing account by themselves, never reveal it, are accepted by the invitee and can be revoked", async () => {
    const a = await makeTenant("A");
    const b = await makeTenant("B");
    const owner = callerFor(a.ownerId, a.slug);
    // B's owner has an account: inviting that e-mail attaches nothing and says nothing about it.
    const r1 = await owner.tenancy.inviteMember({ email: b.email, role: "CASHIER" });
    const r2 = await owner.tenancy.inviteMember({ email: "nuevo-" + a.tenantId + "@x.test", role: "CASHIER" });
    expect(Object.keys(r1).sort()).toEqual(Object.keys(r2).sort());
    expect(JSON.stringify(r1)).not.toContain(b.ownerId);
    expect(await codeOf(callerFor(b.ownerId, a.slug).tenancy.current())).toBe("NOT_FOUND");
    const token1 = r1.link.slice(r1.link.lastIndexOf("/") + 1);
    const anon = createCallerFactory(appRouter)({ requestId: "r", tenantSlug: null, ip: "10.78.0.1", token: null });
    // Creating an account for an e-mail that has one: same answer, nothing attached, password unchanged.
    expect(await anon.account.createInvitedAccount({ token: token1, name: "Intruso", password: "hijack-pass-1" })).toEqual({ email: b.email });
    expect((await authenticate(b.email, "hijack-pass-1", "10.9.1.1")).ok).toBe(false);
    expect(await codeOf(callerFor(b.ownerId, a.slug).tenancy.current())).toBe("NOT_FOUND");
    // Someone else signed in cannot accept it; the invitee can.
    const stranger = await makeTenant("C");
    expect(await codeOf(callerFor(stranger.ownerId, null).account.acceptInvitation({ token: token1 }))).toBe("FORBIDDEN");
    expect(await callerFor(b.ownerId, null).account.acceptInvitation({ token: token1 })).toEqual({ slug: a.slug });
    expect((await callerFor(b.ownerId, a.slug).tenancy.current()).role).toBe("CASHIER");
    // Revoked: the link stops working.
    const pending = (await owner.tenancy.invitations()).find((i) => i.status === "PENDING")!;
    await owner.tenancy.revokeInvitation({ invitationId: pending.id });
    const token2 = r2.link.slice(r2.link.lastIndexOf("/") + 1);
    expect(await codeOf(anon.account.invitation({ token: token2 }))).toBe("NOT_FOUND");
    expect(await codeOf(anon.account.createInvitedAccount({ token: token2, name: "Nuevo", password: "password-123" }))).toBe("NOT_FOUND");
  });
});
