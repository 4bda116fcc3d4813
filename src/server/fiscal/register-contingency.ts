import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { withTenant } from "../db/with-tenant";
import { fiscalRegisterContingency } from "../db/schema/caea";
import { registers } from "../db/schema/registers";
import { AppError } from "../errors/app-error";

/**
 * A register's contingency state. CAE issuance failing for availability reasons marks the
 * outage's start (`unavailableSince`, kept from the first failure); once it lasts longer than
 * the business's `contingencyAfterMinutes`, the next sale of that register switches it to AUTO
 * contingency. A supervisor can switch it (MANUAL) at any time. When ARCA answers again
 * (a CAE issued, or the maintenance probe's FEDummy), AUTO returns to OFF; MANUAL stays until
 * a supervisor ends it.
 */

export async function noteCaeUnavailable(tenantId: string, registerId: string, now: Date): Promise<void> {
  await withTenant(tenantId, (tx) =>
    tx.execute(sql`
      insert into fiscal_register_contingency (tenant_id, register_id, unavailable_since, updated_at)
      values (${tenantId}::uuid, ${registerId}::uuid, ${now.toISOString()}::timestamptz, now())
      on conflict (tenant_id, register_id) do update
        set unavailable_since = coalesce(fiscal_register_contingency.unavailable_since, excluded.unavailable_since), updated_at = now()`),
  );
}

/** ARCA answered: the outage is over for this register (or for all, without registerId). */
export async function noteCaeAvailable(tenantId: string, registerId?: string | null): Promise<void> {
  await withTenant(tenantId, (tx) =>
    tx
      .update(fiscalRegisterContingency)
      .set({
        unavailableSince: null,
        mode: sql`case when ${fiscalRegisterContingency.mode} = 'AUTO' then 'OFF' else ${fiscalRegisterContingency.mode} end`,
        since: sql`case when ${fiscalRegisterContingency.mode} = 'AUTO' then null else ${fiscalRegisterContingency.since} end`,
        updatedAt: new Date(),
      })
      .where(registerId ? eq(fiscalRegisterContingency.registerId, registerId) : isNotNull(fiscalRegisterContingency.registerId)),
  );
}

/**
 * Inside the sale's transaction: does this register issue under CAEA now? Switches to AUTO when
 * the outage has lasted longer than the configured time (row-locked, so concurrent sales agree).
 */
export async function contingencyActive(tx: Tx, registerId: string, afterMinutes: number, now: Date): Promise<boolean> {
  const [row] = await tx
    .select()
    .from(fiscalRegisterContingency)
    .where(eq(fiscalRegisterContingency.registerId, registerId))
    .for("update");
  if (!row) return false;
  if (row.mode !== "OFF") return true;
  if (row.unavailableSince && now.getTime() - row.unavailableSince.getTime() >= afterMinutes * 60_000) {
    await tx
      .update(fiscalRegisterContingency)
      .set({ mode: "AUTO", since: now, reason: `ARCA no disponible desde ${row.unavailableSince.toISOString()}`, updatedAt: new Date() })
      .where(and(eq(fiscalRegisterContingency.registerId, registerId), eq(fiscalRegisterContingency.mode, "OFF")));
    return true;
  }
  return false;
}

/** A supervisor's decision: start (MANUAL) or end contingency for a register. */
export async function setRegisterContingency(tx: Tx, input: { registerId: string; on: boolean; reason?: string | null }, actor: { userId: string }) {
  const [reg] = await tx.select({ id: registers.id }).from(registers).where(eq(registers.id, input.registerId));
  if (!reg) throw new AppError("NOT_FOUND", "La caja no existe");
  const now = new Date();
  await tx
    .insert(fiscalRegisterContingency)
    .values({ registerId: input.registerId, mode: input.on ? "MANUAL" : "OFF", since: input.on ? now : null, reason: input.reason ?? null, changedBy: actor.userId })
    .onConflictDoUpdate({
      target: [fiscalRegisterContingency.tenantId, fiscalRegisterContingency.registerId],
      set: {
        mode: input.on ? "MANUAL" : "OFF",
        since: input.on ? now : null,
        reason: input.reason ?? null,
        changedBy: actor.userId,
        unavailableSince: input.on ? sql`${fiscalRegisterContingency.unavailableSince}` : null,
        updatedAt: now,
      },
    });
  return { registerId: input.registerId, mode: input.on ? ("MANUAL" as const) : ("OFF" as const) };
}
