import type { NextRequest } from "next/server";
import { isAppError } from "@/server/errors/app-error";
import { jsonError, jsonOk, posRoute } from "@/server/offline/pos-route";
import { getCatalogDelta } from "@/server/offline/get-catalog-delta";

export const dynamic = "force-dynamic";

/** GET /api/pos/<slug>/catalog?cursor=…&limit=… → CatalogDelta (changes since the cursor, deactivations included). */
export async function GET(req: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const sp = req.nextUrl.searchParams;
  try {
    const r = await posRoute(req, slug, "pos.sell", (tx) => getCatalogDelta(tx, { cursor: sp.get("cursor") ?? undefined, limit: sp.get("limit") ?? undefined }));
    return r instanceof Response ? r : jsonOk(r.value);
  } catch (e) {
    if (isAppError(e)) return jsonError(400, e.code, e.message);
    throw e;
  }
}
