import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { candidateFor, hashPassword } from "../auth/password";
import { isThrottled, recordFailure, throttleKeys } from "../auth/throttle";
import { ZPassword } from "@/lib/schemas/account";

export const ZChangePasswordInput = z
  .object({ currentPassword: z.string().min(1, "Ingresá tu contraseña actual").max(200), newPassword: ZPassword })
  .refine((v) => v.currentPassword !== v.newPassword, { message: "La contraseña nueva debe ser distinta de la actual", path: ["newPassword"] });

/**
 * Changes the signed-in user's password (runs in withUser). The current one is checked inside
 * the database (auth_change_password) through the sign-in throttle; on success the session
 * version goes up, so every session of this user ends, this one included (the page signs in
 * again with the new password).
 */
export async function changePassword(tx: Tx, input: z.infer<typeof ZChangePasswordInput>, actor: { userId: string; email: string; ip: string }) {
  const keys = throttleKeys(actor.email, actor.ip);
  if (await isThrottled(keys)) throw new AppError("RATE_LIMITED", "Demasiados intentos. Esperá unos segundos y probá de nuevo.");
  const [p] = await tx.execute<{ params: string }>(sql`select auth_password_params(${actor.email}) as params`);
  const candidate = p ? await candidateFor(p.params, input.currentPassword) : null;
  const [row] = candidate
    ? await tx.execute<{ v: number | null }>(sql`select auth_change_password(${candidate}, ${await hashPassword(input.newPassword)}) as v`)
    : [];
  if (!row?.v) {
    await recordFailure(keys);
    throw new AppError("VALIDATION", "La contraseña actual no es correcta.", { field: "currentPassword" });
  }
  return { ok: true as const };
}
