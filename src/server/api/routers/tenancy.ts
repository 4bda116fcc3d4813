import "server-only";
import { randomUUID } from "node:crypto";
import { authedProcedure, permissionProcedure, publicProcedure, router, tenantProcedure } from "../trpc";
import { withAnonymous, withTenant, withUser } from "../../db/with-tenant";
import { listMyBusinesses, ZListMyBusinessesResponse } from "../../tenancy/list-my-businesses";
import { createTenant, ZCreateBusinessResponse, ZCreateTenantInput } from "../../tenancy/create-tenant";
import { confirmSignUp, requestSignUp, signUpTokenHash, ZConfirmSignUpInput, ZConfirmSignUpResponse, ZRequestSignUpInput, ZRequestSignUpResponse } from "../../account/sign-up";
import { hashPassword } from "../../auth/password";
import { limitAnonymous } from "../../auth/limit-anonymous";
import { createInvitation, ZCreateInvitationInput, ZCreateInvitationResponse } from "../../tenancy/create-invitation";
import { changeMemberRole, listMembers, removeMember, setMemberDisabled, ZChangeMemberRoleInput, ZListMembersResponse, ZMemberRef, ZSetMemberDisabledInput } from "../../tenancy/manage-members";
import { listInvitations, revokeInvitation, ZListInvitationsResponse, ZRevokeInvitationInput } from "../../tenancy/revoke-invitation";
import { forcePasswordReset } from "../../account/password-reset";
import { describeCurrentMembership, ZCurrentMembershipResponse, ZSessionUserResponse } from "../../tenancy/describe-current";
import { ZOkResponse } from "@/lib/schemas/responses";

export const tenancyRouter = router({
  /**
   * A visitor asks to create a business: always the same answer; a confirmation link (or, for
   * an e-mail with an account, a notice) goes by e-mail. Nothing is created yet.
   */
  signUp: publicProcedure
    .input(ZRequestSignUpInput)
    .output(ZRequestSignUpResponse)
    .mutation(async ({ ctx, input }) => {
      await limitAnonymous(ctx.ip, "signup");
      return withAnonymous((tx) => requestSignUp(tx, input));
    }),

  /** The confirmation link's page: the password is chosen here; the account and the business are created. */
  confirmSignUp: publicProcedure
    .input(ZConfirmSignUpInput)
    .output(ZConfirmSignUpResponse)
    .mutation(async ({ ctx, input }) => {
      await limitAnonymous(ctx.ip, "signup-confirm", 10);
      const ids = { tenantId: randomUUID(), userId: randomUUID() };
      const passwordHash = await hashPassword(input.password);
      return withTenant(ids.tenantId, (tx) => confirmSignUp(tx, { tokenHash: signUpTokenHash(input.token), passwordHash, slug: input.slug }, ids), {
        userId: ids.userId,
      });
    }),

  /** A signed-in user opens another business. */
  createBusiness: authedProcedure.input(ZCreateTenantInput).output(ZCreateBusinessResponse).mutation(async ({ ctx, input }) => {
    const tenantId = randomUUID();
    const { tenant } = await withTenant(tenantId, (tx) => createTenant(tx, { ...input, tenantId }, { kind: "existing", userId: ctx.user.id }), {
      userId: ctx.user.id,
    });
    return { slug: tenant.slug };
  }),

  /** "My businesses": only the user's own memberships are visible (RLS on app.current_user). */
  myBusinesses: authedProcedure.output(ZListMyBusinessesResponse).query(({ ctx }) => withUser(ctx.user.id, (tx) => listMyBusinesses(tx, ctx.user.id))),

  me: authedProcedure.output(ZSessionUserResponse).query(({ ctx }) => ctx.user),

  /** The current business, the user's role and what that role may do (the UI hides the rest). */
  current: tenantProcedure.output(ZCurrentMembershipResponse).query(({ ctx }) => describeCurrentMembership(ctx)),

  /** Members by their handle in this business (never another person's user id). */
  members: permissionProcedure("members.manage").output(ZListMembersResponse).query(({ ctx }) => listMembers(ctx.tx, { userId: ctx.user.id })),

  /** An invitation the invitee accepts (issue 11): never attaches an existing account by itself. */
  inviteMember: permissionProcedure("members.manage")
    .input(ZCreateInvitationInput)
    .output(ZCreateInvitationResponse)
    .mutation(({ ctx, input }) =>
      createInvitation(ctx.tx, input, { userId: ctx.user.id, role: ctx.role, tenantId: ctx.tenant.id, tenantName: ctx.tenant.name }),
    ),

  removeMember: permissionProcedure("members.manage")
    .input(ZMemberRef)
    .output(ZOkResponse)
    .mutation(({ ctx, input }) => removeMember(ctx.tx, input, { userId: ctx.user.id, role: ctx.role })),
  changeMemberRole: permissionProcedure("members.manage")
    .input(ZChangeMemberRoleInput)
    .output(ZOkResponse)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.tx, input, { userId: ctx.user.id, role: ctx.role })),
  setMemberDisabled: permissionProcedure("members.manage")
    .input(ZSetMemberDisabledInput)
    .output(ZOkResponse)
    .mutation(({ ctx, input }) => setMemberDisabled(ctx.tx, input, { userId: ctx.user.id, role: ctx.role })),
  /** Ends the member's sessions and e-mails them a reset link. */
  forcePasswordReset: permissionProcedure("members.manage")
    .input(ZMemberRef)
    .output(ZOkResponse)
    .mutation(({ ctx, input }) => forcePasswordReset(ctx.tx, input)),
  invitations: permissionProcedure("members.manage").output(ZListInvitationsResponse).query(({ ctx }) => listInvitations(ctx.tx)),
  revokeInvitation: permissionProcedure("members.manage")
    .input(ZRevokeInvitationInput)
    .output(ZOkResponse)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.tx, input)),
});
