import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT } from "../db/current-tenant";

export const FIRST_STEP_KEYS = ["business", "products", "stock", "register", "sale", "invoicing"] as const;
export const ZFirstStepsResponse = z.object({
  dismissed: z.boolean(),
  steps: z.array(z.object({ key: z.enum(FIRST_STEP_KEYS), done: z.boolean() })),
});
export type TFirstStepsResponse = z.infer<typeof ZFirstStepsResponse>;

/**
 * A new business's first steps, each ticked from real data (never from a flag someone sets):
 * business data saved, a product, stock on hand, an active register, a sale, and invoicing
 * ready (ARCA certificate and key, or the simulated issuer outside production, plus a point
 * of sale). One statement of EXISTS probes.
 */
export async function getFirstSteps(tx: Tx): Promise<TFirstStepsResponse> {
  const [r] = await tx.execute<Record<"dismissed" | (typeof FIRST_STEP_KEYS)[number], boolean>>(sql`
    select coalesce((select (settings->>'firstStepsDismissed')::boolean from tenants where id = ${TENANT}), false) as dismissed,
           exists (select 1 from fiscal_settings where tenant_id = ${TENANT}) as business,
           exists (select 1 from products where tenant_id = ${TENANT}) as products,
           exists (select 1 from lots where tenant_id = ${TENANT} and quantity > 0) as stock,
           exists (select 1 from registers where tenant_id = ${TENANT} and active) as register,
           exists (select 1 from sales where tenant_id = ${TENANT}) as sale,
           exists (select 1 from fiscal_settings where tenant_id = ${TENANT}
                     and (environment = 'FAKE' or (certificate_pem is not null and private_key_encrypted is not null)))
             and exists (select 1 from fiscal_points_of_sale where tenant_id = ${TENANT} and active) as invoicing`);
  return { dismissed: r!.dismissed, steps: FIRST_STEP_KEYS.map((key) => ({ key, done: r![key] })) };
}
