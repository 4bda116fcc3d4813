import "server-only";
import type { Tx } from "../db/client";
import { hashPassword } from "../auth/password";
import type { Role } from "../auth/permissions";
import { createInvitation, parseInvitationToken } from "./create-invitation";
import { createInvitedAccount } from "./accept-invitation";

/**
 * Seeds and tests only: invites a new person and accepts for them with a new account, through
 * the same services as the screens. Returns null when the e-mail already had an account
 * (nothing is attached then, exactly as in the real flow).
 */
export async function seedMember(
  tx: Tx,
  m: { email: string; name: string; role: Role; password: string },
  inviter: { userId: string; tenantId: string; tenantName?: string },
): Promise<string | null> {
  const { link } = await createInvitation(tx, { email: m.email, role: m.role }, { ...inviter, role: "OWNER", tenantName: inviter.tenantName ?? "el negocio" });
  const parsed = parseInvitationToken(link.slice(link.lastIndexOf("/") + 1))!;
  const r = await createInvitedAccount(tx, parsed.tokenHash, { name: m.name, passwordHash: await hashPassword(m.password) });
  return r.userId;
}
