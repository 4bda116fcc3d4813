import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { TENANT } from "../db/current-tenant";

export const ZDismissFirstStepsResponse = z.object({ dismissed: z.literal(true) });

/** Hides the checklist for everyone in the business (it also hides itself once every step is done). */
export async function dismissFirstSteps(tx: Tx): Promise<{ dismissed: true }> {
  await tx.execute(sql`update tenants set settings = settings || '{"firstStepsDismissed": true}'::jsonb where id = ${TENANT}`);
  return { dismissed: true };
}
