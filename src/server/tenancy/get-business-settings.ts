import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT } from "../db/current-tenant";
import { EMITTER_IVA_CONDITIONS } from "@/lib/afip-codes";

export const ZBusinessSettingsResponse = z.object({
  name: z.string(),
  legalName: z.string().nullable(),
  cuit: z.string().nullable(),
  address: z.string().nullable(),
  ivaCondition: z.enum(EMITTER_IVA_CONDITIONS).nullable(),
  timezone: z.string(),
  allowNegativeStock: z.boolean(),
  expiryAlertDays: z.number().int(),
  defaultWarehouseId: z.string().nullable(),
  warehouses: z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean() })),
});
export type TBusinessSettingsResponse = z.infer<typeof ZBusinessSettingsResponse>;

/** The business settings page's data: identity (fiscal settings row), operating settings (tenant JSON) and warehouses. */
export async function getBusinessSettings(tx: Tx): Promise<TBusinessSettingsResponse> {
  const [t] = await tx.execute<{
    name: string;
    timezone: string | null;
    allow_negative: boolean | null;
    expiry_days: number | null;
    legal_name: string | null;
    cuit: string | null;
    address: string | null;
    iva_condition: TBusinessSettingsResponse["ivaCondition"];
  }>(sql`
    select t.name, t.settings->>'timezone' as timezone, (t.settings->>'allowNegativeStock')::boolean as allow_negative,
           (t.settings->>'expiryAlertDays')::int as expiry_days,
           f.legal_name, f.cuit, f.address, f.iva_condition
    from tenants t left join fiscal_settings f on f.tenant_id = t.id
    where t.id = ${TENANT}`);
  const warehouses = await tx.execute<{ id: string; name: string; active: boolean; is_default: boolean }>(sql`
    select id, name, active, is_default from warehouses where tenant_id = ${TENANT} order by is_default desc, name`);
  return {
    name: t!.name,
    legalName: t!.legal_name,
    cuit: t!.cuit,
    address: t!.address,
    ivaCondition: t!.iva_condition,
    timezone: t!.timezone ?? "America/Argentina/Buenos_Aires",
    allowNegativeStock: t!.allow_negative === true,
    expiryAlertDays: t!.expiry_days ?? 15,
    defaultWarehouseId: warehouses.find((w) => w.is_default)?.id ?? null,
    warehouses: warehouses.map((w) => ({ id: w.id, name: w.name, active: w.active })),
  };
}
