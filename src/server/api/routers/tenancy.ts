import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { and, asc, eq } from "drizzle-orm";
import { authedProcedure, permissionProcedure, publicProcedure, router, tenantProcedure } from "../trpc";
import { withTenant, withUser } from "../../db/with-tenant";
import { memberships, tenants, users } from "../../db/schema/tenancy";
import { createTenant, ZCreateTenantInput, ZOwnerAccount } from "../../tenancy/create-tenant";
import { createInvitation, ZCreateInvitationInput } from "../../tenancy/create-invitation";
import { ROLE_PERMISSIONS, type Permission } from "../../auth/permissions";
import { AppError } from "../../errors/app-error";

export const ZSignUpInput = ZCreateTenantInput.extend(ZOwnerAccount.shape);

export const tenancyRouter = router({
  /** A visitor creates a business and its OWNER account. */
  signUp: publicProcedure.input(ZSignUpInput).mutation(async ({ input }) => {
    const tenantId = randomUUID();
    const userId = randomUUID();
    const { tenant } = await withTenant(
      tenantId,
      (tx) =>
        createTenant(tx, { ...input, tenantId }, { kind: "new", userId, name: input.ownerName, email: input.email, password: input.password }),
      { userId },
    );
    return { slug: tenant.slug };
  }),

  /** A signed-in user opens another business. */
  createBusiness: authedProcedure.input(ZCreateTenantInput).mutation(async ({ ctx, input }) => {
    const tenantId = randomUUID();
    const { tenant } = await withTenant(tenantId, (tx) => createTenant(tx, { ...input, tenantId }, { kind: "existing", userId: ctx.user.id }), {
      userId: ctx.user.id,
    });
    return { slug: tenant.slug };
  }),

  /** "My businesses": only the user's own memberships are visible (RLS on app.current_user). */
  myBusinesses: authedProcedure.query(async ({ ctx }) => {
    return withUser(ctx.user.id, (tx) =>
      tx
        .select({ slug: tenants.slug, name: tenants.name, kind: tenants.kind, role: memberships.role })
        .from(memberships)
        .innerJoin(tenants, eq(tenants.id, memberships.tenantId))
        .where(eq(memberships.userId, ctx.user.id))
        .orderBy(asc(tenants.name)),
    );
  }),

  me: authedProcedure.query(({ ctx }) => ctx.user),

  /** The current business, the user's role and what that role may do (the UI hides the rest). */
  current: tenantProcedure.query(({ ctx }) => ({
    tenant: { slug: ctx.tenant.slug, name: ctx.tenant.name, kind: ctx.tenant.kind },
    role: ctx.role,
    permissions: [...ROLE_PERMISSIONS[ctx.role]] as Permission[],
    user: ctx.user,
  })),

  members: permissionProcedure("members.manage").query(({ ctx }) =>
    ctx.tx
      .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, since: memberships.createdAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .orderBy(asc(users.name)),
  ),

  /** An invitation the invitee accepts (issue 11): never attaches an existing account by itself. */
  inviteMember: permissionProcedure("members.manage")
    .input(ZCreateInvitationInput)
    .mutation(({ ctx, input }) =>
      createInvitation(ctx.tx, input, { userId: ctx.user.id, role: ctx.role, tenantId: ctx.tenant.id, tenantName: ctx.tenant.name }),
    ),

  removeMember: permissionProcedure("members.manage")
    .input(z.object({ userId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id) throw new AppError("INVALID_STATE", "No podés quitarte a vos mismo del negocio.");
      const removed = await ctx.tx
        .delete(memberships)
        .where(and(eq(memberships.userId, input.userId), eq(memberships.tenantId, ctx.tenant.id)))
        .returning({ role: memberships.role });
      if (!removed[0]) throw new AppError("NOT_FOUND", "Esa persona no es miembro de este negocio.");
      if (removed[0].role === "OWNER" && ctx.role !== "OWNER") throw new AppError("FORBIDDEN", "Solo un dueño puede quitar a otro dueño.");
      return { ok: true };
    }),
});
