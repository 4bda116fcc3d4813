import "server-only";
import { z } from "zod";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { memberships, users } from "../db/schema/tenancy";
import { AppError } from "../errors/app-error";
import { ROLES, type Role } from "../auth/permissions";

// Members of the current business (withTenant): listed by a member handle, never by user id.

export const ZListMembersResponse = z.array(
  z.object({ memberId: z.uuid(), name: z.string(), email: z.string(), role: z.enum(ROLES), disabled: z.boolean(), since: z.date(), isMe: z.boolean() }),
);
export type TListMembersResponse = z.infer<typeof ZListMembersResponse>;

export async function listMembers(tx: Tx, actor: { userId: string }): Promise<TListMembersResponse> {
  const rows = await tx
    .select({ memberId: memberships.id, userId: memberships.userId, name: users.name, email: users.email, role: memberships.role, disabled: memberships.disabled, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .orderBy(asc(users.name));
  return rows.map(({ userId, ...r }) => ({ ...r, isMe: userId === actor.userId }));
}

export const ZMemberRef = z.object({ memberId: z.uuid() });
export const ZChangeMemberRoleInput = ZMemberRef.extend({ role: z.enum(ROLES) });
export const ZSetMemberDisabledInput = ZMemberRef.extend({ disabled: z.boolean() });

type Actor = { userId: string; role: Role };

/** The target member, locked; never oneself; owners are touched only by owners. */
async function target(tx: Tx, memberId: string, actor: Actor) {
  const [m] = await tx.select().from(memberships).where(eq(memberships.id, memberId)).for("update");
  if (!m) throw new AppError("NOT_FOUND", "Esa persona no es miembro de este negocio.");
  if (m.userId === actor.userId) throw new AppError("INVALID_STATE", "No podés cambiar tu propio acceso.");
  if (m.role === "OWNER" && actor.role !== "OWNER") throw new AppError("FORBIDDEN", "Solo un dueño puede cambiar a otro dueño.");
  return m;
}

export async function changeMemberRole(tx: Tx, input: z.infer<typeof ZChangeMemberRoleInput>, actor: Actor) {
  const m = await target(tx, input.memberId, actor);
  if (input.role === "OWNER" && actor.role !== "OWNER") throw new AppError("FORBIDDEN", "Solo un dueño puede nombrar a otro dueño.");
  await tx.update(memberships).set({ role: input.role }).where(and(eq(memberships.tenantId, m.tenantId), eq(memberships.id, m.id)));
  return { ok: true as const };
}

/** A disabled member cannot enter this business (checked on every request) until re-enabled. */
export async function setMemberDisabled(tx: Tx, input: z.infer<typeof ZSetMemberDisabledInput>, actor: Actor) {
  const m = await target(tx, input.memberId, actor);
  await tx.update(memberships).set({ disabled: input.disabled }).where(and(eq(memberships.tenantId, m.tenantId), eq(memberships.id, m.id)));
  return { ok: true as const };
}

export async function removeMember(tx: Tx, input: z.infer<typeof ZMemberRef>, actor: Actor) {
  const m = await target(tx, input.memberId, actor);
  await tx.delete(memberships).where(and(eq(memberships.tenantId, m.tenantId), eq(memberships.id, m.id)));
  return { ok: true as const };
}
