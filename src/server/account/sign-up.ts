import "server-only";
import { z } from "zod";
import { ZOkResponse } from "@/lib/schemas/responses";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { hashToken, newToken } from "../auth/tokens";
import { appUrl } from "../mail/enqueue-mail";
import { createTenant, ZCreateTenantInput, ZSlug } from "../tenancy/create-tenant";
import { ZEmail, ZPassword, ZPersonName } from "@/lib/schemas/account";

// Sign-up confirmed by e-mail (issue 11): the form always gets the same answer, nothing is
// created until the link is followed, and the password is chosen on the link's page, so a
// stranger who types someone else's address can never own an account for it.

export const ZRequestSignUpInput = ZCreateTenantInput.extend({ ownerName: ZPersonName, email: ZEmail });
export const ZSignUpToken = z.string().trim().min(40).max(200);
export const ZConfirmSignUpInput = z.object({
  token: ZSignUpToken,
  password: ZPassword,
  /** Another address when the one asked for was taken between the request and the link. */
  slug: ZSlug.optional(),
});
export const ZRequestSignUpResponse = ZOkResponse;
export const ZConfirmSignUpResponse = z.object({ slug: z.string(), email: z.string() });

/** Mails carry no text the visitor typed (no business or person name): they cannot be used to phish. */
const confirmMail = (token: string) => ({
  subject: "Confirmá tu e-mail para crear tu negocio en Mostrador",
  body: `Para crear tu negocio en Mostrador abrí este enlace y elegí tu contraseña (vence en 24 horas):\n${appUrl(`/registro/${token}`)}\n\nSi no fuiste vos, ignorá este mensaje: no se crea nada.`,
});
const takenMail = () => ({
  subject: "Alguien quiso crear una cuenta de Mostrador con tu e-mail",
  body: `Alguien (quizás vos) pidió crear un negocio en Mostrador con este e-mail, pero ya tenés una cuenta.\n\nSi fuiste vos, ingresá en ${appUrl("/ingresar")} y creá el negocio desde "Mis negocios". Si no recordás la contraseña, pedí una nueva en ${appUrl("/recuperar")}.\n\nSi no fuiste vos, ignorá este mensaje: tu cuenta no cambió.`,
});

/**
 * The same answer for every e-mail: a confirmation link for a new address, a notice for one
 * with an account (auth_request_signup decides inside the database). A taken business address
 * is said at once: addresses are public. Runs in withAnonymous.
 */
export async function requestSignUp(tx: Tx, input: z.infer<typeof ZRequestSignUpInput>) {
  const [taken] = await tx.execute<{ id: string | null }>(sql`select tenant_id_by_slug(${input.slug}) as id`);
  if (taken?.id) throw new AppError("CONFLICT", "Esa dirección ya está en uso, elegí otra.", { field: "slug" });
  const token = newToken();
  const confirm = confirmMail(token);
  const notice = takenMail();
  await tx.execute(sql`select auth_request_signup(${input.email}, ${hashToken(token)}, ${input.ownerName}, ${input.businessName},
    ${input.kind}, ${input.slug}, ${confirm.subject}, ${confirm.body}, ${notice.subject}, ${notice.body})`);
  return { ok: true as const };
}

/**
 * The link's page: spends the token, creates the account with the chosen password and the
 * business with its OWNER, warehouse and register, all in one transaction (withTenant(new
 * tenant id, { userId: new user id })). A failure (address taken meanwhile) rolls back, so
 * the same link works again with another address.
 */
export async function confirmSignUp(
  tx: Tx,
  input: { tokenHash: string; passwordHash: string; slug?: string },
  ids: { tenantId: string; userId: string },
) {
  const [row] = await tx.execute<{ email: string; business_name: string; kind: string; slug: string; created: boolean }>(
    sql`select * from auth_confirm_signup(${input.tokenHash}, ${ids.userId}, ${input.passwordHash})`,
  );
  if (!row) throw new AppError("NOT_FOUND", "El enlace no es válido, ya se usó o venció. Registrate de nuevo.");
  if (!row.created) {
    // Only the address's owner holds this link, so saying it here reveals nothing to anyone else.
    throw new AppError("CONFLICT", 'Ese e-mail ya tiene una cuenta. Ingresá con ella y creá el negocio desde "Mis negocios".');
  }
  const business = ZCreateTenantInput.parse({ businessName: row.business_name, kind: row.kind, slug: input.slug ?? row.slug });
  const { tenant } = await createTenant(tx, { ...business, tenantId: ids.tenantId }, { kind: "existing", userId: ids.userId });
  return { slug: tenant.slug, email: row.email };
}

export const signUpTokenHash = (token: string) => hashToken(token);
