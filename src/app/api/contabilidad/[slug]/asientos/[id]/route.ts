import type { NextRequest } from "next/server";
import { z } from "zod";
import { jsonError, posRoute } from "@/server/offline/pos-route";
import { getExport } from "@/server/accounting/list-exports";
import { writeJournalCsv, writeJournalXlsx } from "@/server/accounting/write-journal-file";
import { attachment, streamFromTenant } from "@/server/export/stream-response";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ formato: z.enum(["csv", "xlsx"]).default("csv") });

/** GET /api/contabilidad/<slug>/asientos/<exportId>?formato=csv|xlsx — the same export, the same file, every time. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await ctx.params;
  const q = ZQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!q.success || !z.uuid().safeParse(id).success) return jsonError(400, "VALIDATION", "Pedido inválido: formato csv o xlsx.");
  const r = await posRoute(req, slug, "accounting.read", (tx) => getExport(tx, id));
  if (r instanceof Response) return r;
  const { auth, value: exp } = r;
  if (!exp) return jsonError(404, "NOT_FOUND", "Esa exportación no existe.");
  const name = `asientos-${String(exp.number).padStart(6, "0")}.${q.data.formato}`;
  return streamFromTenant(
    auth.tenant.id,
    auth.user.id,
    (tx, write) => (q.data.formato === "csv" ? writeJournalCsv(tx, exp.id, exp.number, write) : writeJournalXlsx(tx, exp.id, exp.number, write)),
    {
      "content-type": q.data.formato === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": attachment(name),
    },
  );
}
