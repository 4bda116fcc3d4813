import type { NextRequest } from "next/server";
import { can } from "@/server/auth/permissions";
import { jsonOk, posRoute } from "@/server/offline/pos-route";
import { getPosContext } from "@/server/offline/get-pos-context";
import type { PosContext } from "@/lib/schemas/pos-wire";

export const dynamic = "force-dynamic";

/** GET /api/pos/<slug>/context → PosContext (ticket header, registers, open sessions), kept offline by the terminal. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const r = await posRoute(req, slug, "pos.sell", (tx, auth) => getPosContext(tx, auth.user.id));
  if (r instanceof Response) return r;
  const { auth, value } = r;
  const body: PosContext = {
    tenant: { slug: auth.tenant.slug, name: auth.tenant.name },
    user: { id: auth.user.id, name: auth.user.name },
    role: auth.role,
    canReview: can(auth.role, "cash.review"),
    canVoid: can(auth.role, "pos.void"),
    ...value,
    fetchedAt: new Date().toISOString(),
  };
  return jsonOk(body);
}
