import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { hashPassword } from "../auth/password";
import { hashToken, newToken } from "../auth/tokens";
import { appUrl } from "../mail/enqueue-mail";
import { ZEmail, ZPassword } from "@/lib/schemas/account";

export const ZRequestPasswordResetInput = z.object({ email: ZEmail });
export const ZResetPasswordInput = z.object({ token: z.string().trim().min(20).max(200), password: ZPassword });

const resetMail = (token: string) => ({
  subject: "Elegí una contraseña nueva para Mostrador",
  body: `Para elegir una contraseña nueva abrí este enlace (vence en 1 hora):\n${appUrl(`/recuperar/${token}`)}\n\nSi no lo pediste, ignorá este mensaje: tu contraseña no cambió.`,
});

/**
 * "Olvidé mi contraseña": the same answer whether the e-mail has an account or not; when it
 * has, a one-hour link goes to the outbox (auth_request_password_reset writes both).
 * Runs in withAnonymous.
 */
export async function requestPasswordReset(tx: Tx, input: z.infer<typeof ZRequestPasswordResetInput>) {
  const token = newToken();
  const mail = resetMail(token);
  await tx.execute(sql`select auth_request_password_reset(${input.email}, ${hashToken(token)}, ${mail.subject}, ${mail.body})`);
  return { ok: true as const };
}

/** An owner/admin ends a member's sessions and sends them a reset link (checked in the database). */
export async function forcePasswordReset(tx: Tx, input: { memberId: string }) {
  const token = newToken();
  const mail = resetMail(token);
  const [row] = await tx.execute<{ ok: boolean }>(
    sql`select auth_force_password_reset(${input.memberId}, ${hashToken(token)}, ${mail.subject}, ${mail.body}) as ok`,
  );
  if (!row?.ok) throw new AppError("NOT_FOUND", "Esa persona no es miembro de este negocio (o sos vos).");
  return { ok: true as const };
}

/** Sets a new password with a valid, unused link; every session of that account ends. */
export async function resetPassword(tx: Tx, input: z.infer<typeof ZResetPasswordInput>) {
  const [row] = await tx.execute<{ ok: boolean }>(sql`select auth_reset_password(${hashToken(input.token)}, ${await hashPassword(input.password)}) as ok`);
  if (!row?.ok) throw new AppError("NOT_FOUND", "El enlace no es válido o ya venció. Pedí uno nuevo.");
  return { ok: true as const };
}
