import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { memberships } from "../db/schema/tenancy";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { hashPassword } from "../auth/password";
import { ROLES, type Role } from "@/lib/permissions";

export const ZInviteMemberInput = z.object({
  email: z.string().trim().toLowerCase().email("E-mail inválido"),
  name: z.string().trim().min(2, "Ingresá el nombre").max(120),
  role: z.enum(ROLES),
  /** Initial password when the person has no account yet. */
  password: z.string().min(8, "La contraseña debe tener al menos 8 caracteres").max(200).optional(),
});
export type TInviteMemberInput = z.infer<typeof ZInviteMemberInput>;

/** Adds a person to the current tenant with a role, creating their account if needed. */
export async function inviteMember(tx: Tx, tenantId: string, input: TInviteMemberInput, actor: { role: Role }) {
  if (input.role === "OWNER" && actor.role !== "OWNER") {
    throw new AppError("FORBIDDEN", "Solo un dueño puede sumar otro dueño.");
  }
  const found = await tx.execute<{ id: string | null }>(sql`select user_id_by_email(${input.email}) as id`);
  let userId = found[0]?.id ?? null;
  let created = false;
  if (!userId) {
    if (!input.password) {
      throw new AppError("VALIDATION", "Esa persona todavía no tiene cuenta: definí una contraseña inicial.", { field: "password" });
    }
    const hash = await hashPassword(input.password);
    const rows = await tx.execute<{ id: string }>(sql`select create_invited_user(${input.email}, ${input.name}, ${hash}) as id`);
    userId = rows[0]!.id;
    created = true;
  }
  try {
    await tx.insert(memberships).values({ tenantId, userId, role: input.role });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Esa persona ya es miembro de este negocio.", { field: "email" });
    throw e;
  }
  return { userId, created };
}
