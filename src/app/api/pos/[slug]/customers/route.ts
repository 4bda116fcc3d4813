import type { NextRequest } from "next/server";
import { jsonOk, posRoute } from "@/server/offline/pos-route";
import { listPosCustomers } from "@/server/offline/get-pos-context";

export const dynamic = "force-dynamic";

/** GET /api/pos/<slug>/customers → {customers}: the terminal's local copy for Factura A. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const r = await posRoute(req, slug, "pos.sell", (tx) => listPosCustomers(tx));
  return r instanceof Response ? r : jsonOk({ customers: r.value });
}
