import "server-only";
import { z } from "zod";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { invitations } from "../db/schema/security";
import { AppError } from "../errors/app-error";
import { ROLES } from "@/lib/permissions";

export const ZRevokeInvitationInput = z.object({ invitationId: z.uuid() });

/** A pending invitation stops working at once. */
export async function revokeInvitation(tx: Tx, input: z.infer<typeof ZRevokeInvitationInput>) {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.id, input.invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  if (!row) throw new AppError("NOT_FOUND", "Esa invitación no existe o ya no está pendiente.");
  return { ok: true as const };
}

export type InvitationStatus = "PENDING" | "ACCEPTED" | "REVOKED" | "EXPIRED";

export const ZListInvitationsResponse = z.array(
  z.object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(ROLES),
    createdAt: z.date(),
    expiresAt: z.date(),
    status: z.enum(["PENDING", "ACCEPTED", "REVOKED", "EXPIRED"]),
  }),
);

/** The business's invitations, newest first, with their state. */
export async function listInvitations(tx: Tx) {
  const rows = await tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
    })
    .from(invitations)
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    status: (r.revokedAt ? "REVOKED" : r.acceptedAt ? "ACCEPTED" : r.expiresAt.getTime() < now ? "EXPIRED" : "PENDING") as InvitationStatus,
  }));
}
