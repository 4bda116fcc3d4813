import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { dummyHash, verifyPassword } from "../auth/password";
import { can, type Permission, type Role } from "../auth/permissions";

/**
 * A supervisor types their own e-mail and password on the cashier's screen. The credentials
 * are checked like a sign-in, then their role in THIS business must grant `permission`.
 * One vague message for every failure, so the screen does not reveal which part was wrong.
 */
export async function verifySupervisor(tx: Tx, email: string, password: string, permission: Permission) {
  const [user] = await tx.execute<{ id: string; name: string; password_hash: string; disabled: boolean }>(
    sql`select id, name, password_hash, disabled from auth_user_by_email(${email.trim()})`,
  );
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), password);
  const refused = new AppError("FORBIDDEN", "Usuario o contraseña de supervisor incorrectos.");
  if (!user || !ok || user.disabled) throw refused;
  const [member] = await tx.execute<{ role: Role }>(sql`select role from memberships where user_id = ${user.id}`);
  if (!member) throw refused;
  if (!can(member.role, permission)) throw new AppError("FORBIDDEN", `${user.name} no tiene permiso para autorizar anulaciones.`);
  return { userId: user.id, name: user.name, role: member.role };
}
