import type { NextRequest } from "next/server";
import { withTenant } from "@/server/db/with-tenant";
import { can } from "@/server/auth/permissions";
import { log } from "@/server/log";
import { jsonError, jsonOk, posRoute } from "@/server/offline/pos-route";
import { applyPosOps } from "@/server/offline/apply-pos-ops";
import { ZOpsRequest } from "@/lib/schemas/pos-wire";

export const dynamic = "force-dynamic";

/** POST /api/pos/<slug>/ops {ops} → {results}: queued shift openings, cash in/out and customers, in order. */
export async function POST(req: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const r = await posRoute(req, slug, "pos.sell");
  if (r instanceof Response) return r;
  const parsed = ZOpsRequest.safeParse(await req.json().catch(() => null));
  if (!parsed.success) return jsonError(400, "VALIDATION", parsed.error.issues.map((i) => i.message).join("; "));
  const { auth } = r;
  const results = await applyPosOps(
    (fn) => withTenant(auth.tenant.id, fn, { userId: auth.user.id }),
    parsed.data.ops,
    { userId: auth.user.id, canReview: can(auth.role, "cash.review") },
    (msg, err) => log.error({ err, tenant: auth.tenant.id }, msg),
  );
  return jsonOk({ results });
}
