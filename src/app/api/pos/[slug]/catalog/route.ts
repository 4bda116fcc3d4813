import { withTenant } from "@/server/db/with-tenant";
import { noStoreJson, posRoute } from "@/server/offline/pos-route";
import { getCatalogDelta } from "@/server/offline/get-catalog-delta";

export const dynamic = "force-dynamic";

/** GET /api/pos/<slug>/catalog?cursor=…&limit=… → CatalogDelta (changes since the cursor, deactivations included). */
export const GET = posRoute("pos.sell", async (req, auth) => {
  const sp = req.nextUrl.searchParams;
  const delta = await withTenant(auth.tenant.id, (tx) => getCatalogDelta(tx, { cursor: sp.get("cursor") ?? undefined, limit: sp.get("limit") ?? undefined }));
  return noStoreJson(delta);
});
