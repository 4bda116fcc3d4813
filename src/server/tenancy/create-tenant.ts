import "server-only";
import { z } from "zod";
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { memberships, tenants, users, type TenantSettings } from "../db/schema/tenancy";
import { warehouses } from "../db/schema/warehouses";
import { registers } from "../db/schema/registers";
import { AppError, isUniqueViolation } from "../errors/app-error";
import { hashPassword } from "../auth/password";
import { ZEmail } from "@/lib/schemas/account";

export const RESERVED_SLUGS = new Set(["api", "login", "ingresar", "registro", "signup", "logout", "negocios", "precio", "offline", "_next", "sw.js", "manifest.webmanifest", "icons", "favicon.ico", "cuenta", "recuperar", "invitacion", "dev"]);

export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Usá al menos 3 caracteres")
  .max(40, "Usá como máximo 40 caracteres")
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, "Solo letras minúsculas, números y guiones")
  .refine((s) => !RESERVED_SLUGS.has(s), "Esa dirección está reservada");

/** Where the new business lives: the client goes to /<slug>. */
export const ZCreateBusinessResponse = z.object({ slug: z.string() });
export const ZCreateTenantInput = z.object({
  businessName: z.string().trim().min(2, "Ingresá el nombre del negocio").max(120),
  kind: z.enum(["HOTEL", "RESTAURANT", "RETAIL"]),
  slug: ZSlug,
});
export type TCreateTenantInput = z.infer<typeof ZCreateTenantInput>;

export const ZOwnerAccount = z.object({
  ownerName: z.string().trim().min(2, "Ingresá tu nombre").max(120),
  email: ZEmail,
  password: z.string().min(8, "La contraseña debe tener al menos 8 caracteres").max(200),
});

export const defaultTenantSettings = (): TenantSettings => ({
  currency: "ARS",
  timezone: "America/Argentina/Buenos_Aires",
  locale: "es-AR",
  allowNegativeStock: false,
  expiryAlertDays: 15,
});

/**
 * Creates a business with its OWNER, one default warehouse and one register.
 * Runs inside withTenant(newTenantId, …, { userId }) so RLS checks every insert.
 * `owner` is either a new account to create or an existing user id.
 */
export async function createTenant(
  tx: Tx,
  input: TCreateTenantInput & { tenantId: string },
  owner: { kind: "new"; userId: string; name: string; email: string; password: string } | { kind: "existing"; userId: string },
) {
  try {
    await tx.insert(tenants).values({
      id: input.tenantId,
      slug: input.slug,
      name: input.businessName,
      kind: input.kind,
      settings: defaultTenantSettings(),
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "Esa dirección ya está en uso, elegí otra.", { field: "slug" });
    throw e;
  }
  if (owner.kind === "new") {
    try {
      await tx.insert(users).values({
        id: owner.userId,
        email: owner.email,
        name: owner.name,
        passwordHash: await hashPassword(owner.password),
      });
    } catch (e) {
      if (isUniqueViolation(e))
        throw new AppError("CONFLICT", "Ya existe una cuenta con ese e-mail. Ingresá y creá el negocio desde tu cuenta.", {
          field: "email",
        });
      throw e;
    }
  }
  await tx.insert(memberships).values({ tenantId: input.tenantId, userId: owner.userId, role: "OWNER" });
  const [warehouse] = await tx
    .insert(warehouses)
    .values({ tenantId: input.tenantId, name: "Depósito principal", isDefault: true })
    .returning({ id: warehouses.id });
  await tx.insert(registers).values({ tenantId: input.tenantId, name: "Caja 1", warehouseId: warehouse!.id, afipPointOfSale: 1 });
  const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, input.tenantId));
  return { tenant: tenant!, warehouseId: warehouse!.id };
}
