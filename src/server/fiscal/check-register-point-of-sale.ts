import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { fiscalPointsOfSale, fiscalSettings } from "../db/schema/fiscal";
import { fiscalParameters } from "../db/schema/caea";
import { registers } from "../db/schema/registers";
import type { ArcaPointOfSale } from "../afip/wsfe-params";

export type PointOfSaleCheck = { ok: boolean; pointOfSale: number | null; message: string | null; checkedAt: string | null };

/**
 * Before a sale: is the register's point of sale valid at ARCA? Read from the daily cache of
 * FEParamGetPtosVenta (no network here). Unknown (no cache yet) is not an error: the sale goes on.
 */
export async function checkRegisterPointOfSale(tx: Tx, registerId: string): Promise<PointOfSaleCheck> {
  const [r] = await tx.select({ pos: registers.afipPointOfSale, fiscal: registers.fiscalEnabled }).from(registers).where(eq(registers.id, registerId));
  if (!r || !r.fiscal) return { ok: true, pointOfSale: r?.pos ?? null, message: null, checkedAt: null };
  const [s] = await tx.select().from(fiscalSettings).limit(1);
  if (!s) return { ok: false, pointOfSale: r.pos, message: "Faltan los datos fiscales del negocio: el comprobante quedará pendiente hasta completarlos.", checkedAt: null };
  const [cache] = await tx
    .select()
    .from(fiscalParameters)
    .where(and(eq(fiscalParameters.environment, s.environment), eq(fiscalParameters.cuit, s.cuit), eq(fiscalParameters.kind, "POINTS_OF_SALE")));
  const [local] = await tx.select().from(fiscalPointsOfSale).where(eq(fiscalPointsOfSale.number, r.pos));
  if (local && !local.active) return { ok: false, pointOfSale: r.pos, message: `El punto de venta ${r.pos} está desactivado en la configuración fiscal.`, checkedAt: null };
  if (!cache) return { ok: true, pointOfSale: r.pos, message: null, checkedAt: null };
  const checkedAt = cache.fetchedAt.toISOString();
  const atArca = (cache.data as ArcaPointOfSale[]).find((p) => p.number === r.pos);
  const msg = (m: string) => ({ ok: false, pointOfSale: r.pos, message: m, checkedAt });
  if (!atArca) return msg(`El punto de venta ${r.pos} no está dado de alta en ARCA (ex AFIP) para este CUIT: la factura quedará pendiente. Revisá la caja o dalo de alta en ARCA.`);
  if (atArca.blocked) return msg(`El punto de venta ${r.pos} está bloqueado en ARCA (ex AFIP): la factura quedará pendiente.`);
  if (atArca.droppedOn) return msg(`El punto de venta ${r.pos} fue dado de baja en ARCA (ex AFIP) el ${atArca.droppedOn}.`);
  if (atArca.emissionType.toUpperCase().startsWith("CAEA")) return msg(`El punto de venta ${r.pos} es de contingencia (CAEA) en ARCA: la caja debe usar uno de tipo CAE (web service).`);
  return { ok: true, pointOfSale: r.pos, message: null, checkedAt };
}
