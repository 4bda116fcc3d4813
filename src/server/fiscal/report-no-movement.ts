import "server-only";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalPointsOfSale } from "../db/schema/fiscal";
import { fiscalCaeaNoMovement, fiscalCaeas } from "../db/schema/caea";
import { caeaSinMovimientoInformar } from "../afip/wsfe-caea";
import { AfipSoapFault, AfipTransportError } from "../afip/soap";
import { arDate } from "@/lib/ar-time";
import { openArcaSession } from "./arca-session";

/** ARCA's "already informed for this CAEA and point of sale". */
const ALREADY_INFORMED = 1008;

/**
 * FECAEASinMovimientoInformar for every CAEA point of sale that issued nothing under a CAEA
 * whose fortnight has ended (and whose deadline has not passed). Each answer is stored once
 * (unique per CAEA + point of sale), so it is never sent twice; failures are retried next run.
 */
export async function reportNoMovement(tenantId: string, opts: { now?: Date } = {}): Promise<{ informed: number; failed: string[] }> {
  const out = { informed: 0, failed: [] as string[] };
  const session = await openArcaSession(tenantId);
  if (!session) return out;
  const today = arDate(opts.now ?? new Date());
  const { environment, cuit } = session.settings;
  const todo = await withTenant(tenantId, (tx) =>
    tx
      .select({ caeaId: fiscalCaeas.id, caea: fiscalCaeas.caea, pointOfSale: fiscalPointsOfSale.number })
      .from(fiscalCaeas)
      .innerJoin(fiscalPointsOfSale, and(eq(fiscalPointsOfSale.emissionType, "CAEA"), eq(fiscalPointsOfSale.active, true)))
      .where(
        and(
          eq(fiscalCaeas.environment, environment),
          eq(fiscalCaeas.cuit, cuit),
          lt(fiscalCaeas.validTo, today),
          gte(fiscalCaeas.reportDeadline, today),
          sql`not exists (select 1 from fiscal_documents d where d.caea_id = ${fiscalCaeas.id} and d.point_of_sale = ${fiscalPointsOfSale.number})`,
          sql`not exists (select 1 from fiscal_caea_no_movement n where n.caea_id = ${fiscalCaeas.id} and n.point_of_sale = ${fiscalPointsOfSale.number} and n.result = 'A')`,
        ),
      ),
  );
  for (const t of todo) {
    try {
      const r = await caeaSinMovimientoInformar(session.o, await session.auth(), t.pointOfSale, t.caea);
      const ok = r.resultado === "A" || r.errors.some((e) => e.code === ALREADY_INFORMED);
      if (!ok) out.failed.push(`${t.pointOfSale}: ${r.errors.map((e) => `${e.code}: ${e.msg}`).join(" · ")}`);
      await withTenant(tenantId, (tx) =>
        tx
          .insert(fiscalCaeaNoMovement)
          .values({ tenantId, caeaId: t.caeaId, pointOfSale: t.pointOfSale, result: ok ? "A" : "R", errors: r.errors })
          .onConflictDoUpdate({ target: [fiscalCaeaNoMovement.tenantId, fiscalCaeaNoMovement.caeaId, fiscalCaeaNoMovement.pointOfSale], set: { result: ok ? "A" : "R", errors: r.errors } }),
      );
      if (ok) out.informed++;
    } catch (e) {
      if (e instanceof AfipTransportError || e instanceof AfipSoapFault) out.failed.push(`${t.pointOfSale}: ${e.message}`);
      else throw e;
    }
  }
  return out;
}
