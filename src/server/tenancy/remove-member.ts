import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "../db/client";
import { memberships } from "../db/schema/tenancy";
import { TENANT } from "../db/current-tenant";
import { AppError } from "../errors/app-error";
import type { Role } from "@/lib/permissions";

export const ZRemoveMemberInput = z.object({ userId: z.uuid() });
export type TRemoveMemberInput = z.infer<typeof ZRemoveMemberInput>;
export const ZRemoveMemberResponse = z.object({ ok: z.literal(true) });

/**
 * Takes a person out of the current tenant. Nobody removes themselves; only an owner removes
 * another owner (checked on the deleted row, so the check and the delete are one statement's
 * outcome and roll back together).
 */
export async function removeMember(tx: Tx, input: TRemoveMemberInput, actor: { userId: string; role: Role }): Promise<{ ok: true }> {
  if (input.userId === actor.userId) throw new AppError("INVALID_STATE", "No podés quitarte a vos mismo del negocio.");
  const removed = await tx
    .delete(memberships)
    .where(and(eq(memberships.userId, input.userId), eq(memberships.tenantId, TENANT)))
    .returning({ role: memberships.role });
  if (!removed[0]) throw new AppError("NOT_FOUND", "Esa persona no es miembro de este negocio.");
  if (removed[0].role === "OWNER" && actor.role !== "OWNER") throw new AppError("FORBIDDEN", "Solo un dueño puede quitar a otro dueño.");
  return { ok: true };
}
