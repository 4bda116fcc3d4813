import type { NextRequest } from "next/server";
import { z } from "zod";
import { jsonError, posRoute } from "@/server/offline/pos-route";
import { ZMonth } from "@/server/accounting/period";
import { writeLibroIva } from "@/server/accounting/libro-iva/libro-iva";
import { LIBRO_IVA_DESIGNS, type LibroIvaFile } from "@/server/accounting/libro-iva/record-design";
import { attachment, streamFromTenant } from "@/server/export/stream-response";
import { sql } from "drizzle-orm";

export const dynamic = "force-dynamic";

const files = Object.keys(LIBRO_IVA_DESIGNS) as [LibroIvaFile, ...LibroIvaFile[]];
const ZQuery = z.object({ mes: ZMonth, archivo: z.enum(files) });

/** GET /api/contabilidad/<slug>/libro-iva?mes=2026-11&archivo=VENTAS_CBTE — ISO-8859-1, CRLF, ARCA's layout. */
export async function GET(req: NextRequest, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  const q = ZQuery.safeParse(Object.fromEntries(req.nextUrl.searchParams));
  if (!q.success) return jsonError(400, "VALIDATION", "Pedido inválido: indicá el mes (aaaa-mm) y el archivo.");
  const { mes, archivo } = q.data;
  const r = await posRoute(req, slug, "accounting.read", async (tx) => (await tx.execute(sql`select 1 from fiscal_settings limit 1`)).length > 0);
  if (r instanceof Response) return r;
  const { auth, value: hasSettings } = r;
  if (archivo.startsWith("VENTAS") && !hasSettings) {
    return jsonError(409, "INVALID_STATE", "Cargá primero los datos fiscales del negocio (CUIT y condición frente al IVA).");
  }
  const name = `${LIBRO_IVA_DESIGNS[archivo].file}_${mes.replace("-", "")}.txt`;
  return streamFromTenant(auth.tenant.id, auth.user.id, (tx, write) => writeLibroIva(tx, mes, archivo, write), {
    "content-type": "text/plain; charset=iso-8859-1",
    "content-disposition": attachment(name),
  });
}
