import type { NextRequest } from "next/server";
import { withTenant } from "@/server/db/with-tenant";
import { isAppError } from "@/server/errors/app-error";
import { authorizePosRequest, jsonError } from "@/server/offline/pos-request";
import { getCatalogDelta } from "@/server/offline/get-catalog-delta";

export const dynamic = "force-dynamic";

/** GET /api/pos/<slug>/catalog?cursor=…&limit=… → CatalogDelta (changes since the cursor, deactivations included). */
export async function GET(req: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const auth = await authorizePosRequest(req, slug, "pos.sell");
  if (auth instanceof Response) return auth;
  const sp = req.nextUrl.searchParams;
  try {
    const delta = await withTenant(auth.tenant.id, (tx) =>
      getCatalogDelta(tx, { cursor: sp.get("cursor") ?? undefined, limit: sp.get("limit") ?? undefined }),
    );
    return Response.json(delta, { headers: { "cache-control": "no-store" } });
  } catch (e) {
    if (isAppError(e)) return jsonError(400, e.code, e.message);
    throw e;
  }
}
