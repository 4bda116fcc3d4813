import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";

export const ZBillingPointsOfSaleResponse = z.array(z.object({ number: z.number().int(), name: z.string() }));

/**
 * The ARCA points of sale a batch may issue on: active, online (CAE). A receptionist picks one
 * by name instead of typing a number ARCA would then reject or number in the wrong series.
 */
export async function listBillingPointsOfSale(tx: Tx) {
  const rows = await tx.execute<{ number: number; name: string }>(sql`
    select number, name from fiscal_points_of_sale where active and emission_type = 'CAE' order by number`);
  return ZBillingPointsOfSaleResponse.parse([...rows]);
}

/** A batch's point of sale must be one of those (checked inside the batch's transaction). */
export async function assertBillingPointOfSale(tx: Tx, number: number) {
  const [row] = await tx.execute<{ ok: boolean }>(sql`
    select active and emission_type = 'CAE' as ok from fiscal_points_of_sale where number = ${number}`);
  if (!row) throw new AppError("VALIDATION", `El punto de venta ${number} no está configurado: agregalo en Facturación ARCA › Configuración fiscal.`, { field: "pointOfSale" });
  if (!row.ok) throw new AppError("VALIDATION", `El punto de venta ${number} no emite con CAE en línea (está inactivo o es de contingencia CAEA).`, { field: "pointOfSale" });
}
