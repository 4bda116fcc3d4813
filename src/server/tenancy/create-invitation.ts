import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { invitations } from "../db/schema/security";
import { AppError } from "../errors/app-error";
import { ROLES, ROLE_LABELS, type Role } from "../auth/permissions";
import { hashToken, newToken } from "../auth/tokens";
import { appUrl, enqueueMail } from "../mail/enqueue-mail";
import { ZEmail } from "@/lib/schemas/account";

export const ZCreateInvitationInput = z.object({ email: ZEmail, role: z.enum(ROLES) });
export type TCreateInvitationInput = z.infer<typeof ZCreateInvitationInput>;
/** The link comes back to the inviter too, who may hand it over another way. */
export const ZCreateInvitationResponse = z.object({ id: z.uuid(), link: z.string() });

const INVITATION_DAYS = 7;

/**
 * Invites an e-mail to this business with a role. Nothing is attached to any account: the
 * invitee accepts with the link (signed in as that e-mail, or creating the account), and the
 * inviter learns nothing about whether the e-mail has an account. The link also comes back
 * to the inviter, who may hand it over another way.
 */
export async function createInvitation(tx: Tx, input: TCreateInvitationInput, actor: { userId: string; role: Role; tenantId: string; tenantName: string }) {
  if (input.role === "OWNER" && actor.role !== "OWNER") throw new AppError("FORBIDDEN", "Solo un dueño puede invitar a otro dueño.");
  const secret = newToken();
  const [row] = await tx
    .insert(invitations)
    .values({
      tenantId: actor.tenantId,
      email: input.email,
      role: input.role,
      tokenHash: hashToken(secret),
      invitedBy: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    })
    .returning({ id: invitations.id });
  const token = `${actor.tenantId}.${secret}`;
  const link = appUrl(`/invitacion/${token}`);
  await enqueueMail(tx, {
    to: input.email,
    subject: `Te invitaron a ${actor.tenantName} en Mostrador`,
    body: `Te invitaron a sumarte a ${actor.tenantName} como ${ROLE_LABELS[input.role]}.\n\nPara aceptar, abrí este enlace (vence en ${INVITATION_DAYS} días):\n${link}\n\nSi no esperabas esta invitación, ignorá este mensaje.`,
  });
  return { id: row!.id, link };
}

/** `<tenant id>.<secret>` → its parts, or null when it cannot be an invitation token. */
export function parseInvitationToken(token: string): { tenantId: string; tokenHash: string } | null {
  const m = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(token);
  if (!m || !z.uuid().safeParse(m[1]).success) return null;
  return { tenantId: m[1]!, tokenHash: hashToken(m[2]!) };
}
