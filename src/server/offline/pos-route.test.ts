import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { addMember, makeTenant } from "@/test/factories";
import { env } from "../env";
import { AppError } from "../errors/app-error";
import { posRoute } from "./pos-route";

async function request(slug: string, userId?: string) {
  const headers = new Headers();
  if (userId) headers.set("cookie", `next-auth.session-token=${await encode({ token: { uid: userId, sv: 1 }, secret: env().NEXTAUTH_SECRET })}`);
  return { req: new NextRequest(`http://localhost/api/pos/${slug}/x`, { headers }), ctx: { params: Promise.resolve({ slug }) } };
}

describe("posRoute (the wrapper of app/api/pos route handlers)", () => {
  const ok = posRoute("pos.sell", async (_req, auth) => Response.json({ tenant: auth.tenant.slug, role: auth.role }));

  it("checks session, membership and permission before the handler", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const operator = await addMember(t.tenantId, "OPERATOR");
    const call = async (slug: string, userId?: string) => {
      const { req, ctx } = await request(slug, userId);
      const res = await ok(req, ctx);
      return { status: res.status, body: await res.json() };
    };
    expect(await call(t.slug)).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    expect(await call(other.slug, t.ownerId)).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    expect(await call(t.slug, operator.userId)).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
    expect(await call(t.slug, t.ownerId)).toEqual({ status: 200, body: { tenant: t.slug, role: "OWNER" } });
  });

  it("a domain error is a 400 with its code and Spanish message, never a 500", async () => {
    const t = await makeTenant();
    const failing = posRoute("pos.sell", async () => {
      throw new AppError("VALIDATION", "Cursor inválido.");
    });
    const { req, ctx } = await request(t.slug, t.ownerId);
    const res = await failing(req, ctx);
    expect(res.status).toBe(400);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ error: { code: "VALIDATION", message: "Cursor inválido." } });
  });
});
