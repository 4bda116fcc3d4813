import "server-only";
import { z } from "zod";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { memberships } from "../db/schema/tenancy";
import { invitations } from "../db/schema/security";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { ZPassword, ZPersonName } from "@/lib/schemas/account";
import { ROLES } from "@/lib/permissions";

export const ZInvitationToken = z.string().trim().min(40).max(200);
export const ZAcceptInvitationInput = z.object({ token: ZInvitationToken });
export const ZCreateInvitedAccountInput = z.object({ token: ZInvitationToken, name: ZPersonName, password: ZPassword });

const GONE = "La invitación no existe, venció o fue revocada.";

/** The pending invitation with this token hash in the current tenant (withTenant(tenantId)), locked. */
async function pendingInvitation(tx: Tx, tokenHash: string) {
  const [inv] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, sql`now()`)))
    .for("update");
  return inv ?? null;
}

/** What the invitation page shows: the business and the role (never anything about accounts). */
export const ZDescribeInvitationResponse = z.object({ businessName: z.string(), role: z.enum(ROLES), email: z.string() });
export const ZAcceptInvitationResponse = z.object({ slug: z.string() });
export const ZCreateInvitedAccountResponse = z.object({ email: z.string() });

export async function describeInvitation(tx: Tx, tokenHash: string) {
  const inv = await pendingInvitation(tx, tokenHash);
  if (!inv) return null;
  const [t] = await tx.execute<{ name: string; slug: string }>(sql`select name, slug from tenants where id = ${inv.tenantId}`);
  return { businessName: t?.name ?? "", slug: t?.slug ?? "", role: inv.role, email: inv.email };
}

/**
 * The signed-in invitee accepts: the invitation must be for their e-mail. Runs in
 * withTenant(invitation's tenant, { userId }).
 */
export async function acceptInvitation(tx: Tx, tokenHash: string, actor: { userId: string; email: string }) {
  const inv = await pendingInvitation(tx, tokenHash);
  if (!inv) throw new AppError("NOT_FOUND", GONE);
  if (inv.email.toLowerCase() !== actor.email.toLowerCase()) {
    throw new AppError("FORBIDDEN", "Esta invitación es para otro e-mail. Ingresá con la cuenta de ese e-mail para aceptarla.");
  }
  try {
    await tx.insert(memberships).values({ tenantId: inv.tenantId, userId: actor.userId, role: inv.role });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Ya sos miembro de este negocio.");
    throw e;
  }
  await tx.update(invitations).set({ acceptedAt: sql`now()`, acceptedBy: actor.userId }).where(eq(invitations.id, inv.id));
  const [t] = await tx.execute<{ slug: string }>(sql`select slug from tenants where id = ${inv.tenantId}`);
  return { slug: t!.slug };
}

/**
 * A person without an account accepts by creating one for the invitation's e-mail. When the
 * e-mail already has an account nothing changes and the answer is the same ("ingresá"), so
 * the page never reveals it; that person signs in and accepts.
 */
export async function createInvitedAccount(tx: Tx, tokenHash: string, input: { name: string; passwordHash: string }) {
  const inv = await pendingInvitation(tx, tokenHash);
  if (!inv) throw new AppError("NOT_FOUND", GONE);
  const [row] = await tx.execute<{ id: string | null }>(
    sql`select auth_create_invited_account(${inv.tenantId}, ${tokenHash}, ${input.name}, ${input.passwordHash}) as id`,
  );
  const userId = row?.id ?? null;
  if (userId) {
    await tx.insert(memberships).values({ tenantId: inv.tenantId, userId, role: inv.role });
    await tx.update(invitations).set({ acceptedAt: sql`now()`, acceptedBy: userId }).where(eq(invitations.id, inv.id));
  }
  return { email: inv.email, userId };
}
