import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { withTenant } from "../db/with-tenant";
import { authorizationEvents } from "../db/schema/security";
import { AppError } from "../errors/app-error";
import { checkCredentials } from "../auth/check-credentials";
import { clearFailures, isThrottled, recordFailure, throttleKeys } from "../auth/throttle";
import { can, type Permission, type Role } from "../auth/permissions";
import { TENANT } from "../inventory/ledger";

export type AuthorizationRequest = {
  email: string;
  password: string;
  permission: Permission;
  /** The row the authorisation is for (the sale), recorded with the attempt. */
  subjectId: string;
};
export type AuthorizationContext = {
  tenantId: string;
  /** Who asks for the action; never their own authoriser. */
  requesterId: string;
  /** Others who may not authorise it either (the cashier who rang the sale). */
  excludedUserIds: string[];
  ip: string;
};

export const AUTHORIZATION_REFUSED = "Usuario o contraseña de supervisor incorrectos, o sin permiso para autorizar.";

/**
 * Someone else's credentials typed on this screen (a supervisor authorising a void): checked
 * like a sign-in and through the same throttle, then their membership IN THIS business must
 * grant `permission`, and they may be neither the requester nor an excluded person. Every
 * failure gets the same answer; every attempt is recorded (refusals in their own transaction,
 * so the caller's rollback keeps them).
 */
export async function verifySupervisor(tx: Tx, req: AuthorizationRequest, ctx: AuthorizationContext) {
  const keys = throttleKeys(req.email, ctx.ip);
  const refuse = async (authorizerId: string | null, error: AppError) => {
    await recordFailure(keys);
    await withTenant(
      ctx.tenantId,
      (t) =>
        t.insert(authorizationEvents).values({
          action: req.permission,
          subjectId: req.subjectId,
          requestedBy: ctx.requesterId,
          authorizerId,
          granted: false,
        }),
      { userId: ctx.requesterId },
    );
    throw error;
  };
  const refused = new AppError("FORBIDDEN", AUTHORIZATION_REFUSED);
  if (await isThrottled(keys)) {
    return refuse(null, new AppError("RATE_LIMITED", "Demasiados intentos de autorización. Esperá un momento y probá de nuevo."));
  }
  const user = await checkCredentials(tx, req.email, req.password);
  if (!user || user.disabled) return refuse(null, refused);
  // This business only, explicitly (RLS scopes it too): a role elsewhere authorises nothing here.
  const [member] = await tx.execute<{ role: Role; disabled: boolean }>(
    sql`select role, disabled from memberships where tenant_id = ${TENANT} and user_id = ${user.id}`,
  );
  const excluded = user.id === ctx.requesterId || ctx.excludedUserIds.includes(user.id);
  if (!member || member.disabled || excluded || !can(member.role, req.permission)) return refuse(user.id, refused);
  await clearFailures([keys[0]!]);
  await tx.insert(authorizationEvents).values({
    action: req.permission,
    subjectId: req.subjectId,
    requestedBy: ctx.requesterId,
    authorizerId: user.id,
    granted: true,
  });
  return { userId: user.id, name: user.name, role: member.role };
}
