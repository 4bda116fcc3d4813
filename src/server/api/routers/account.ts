import "server-only";
import { z } from "zod";
import { authedProcedure, publicProcedure, router } from "../trpc";
import { withAnonymous, withTenant, withUser } from "../../db/with-tenant";
import { AppError } from "../../errors/app-error";
import { hashPassword } from "../../auth/password";
import { limitAnonymous } from "../../auth/limit-anonymous";
import { changePassword, ZChangePasswordInput } from "../../account/change-password";
import { requestPasswordReset, resetPassword, ZRequestPasswordResetInput, ZResetPasswordInput } from "../../account/password-reset";
import { parseInvitationToken } from "../../tenancy/create-invitation";
import {
  acceptInvitation,
  createInvitedAccount,
  describeInvitation,
  ZAcceptInvitationInput,
  ZAcceptInvitationResponse,
  ZCreateInvitedAccountInput,
  ZCreateInvitedAccountResponse,
  ZDescribeInvitationResponse,
  ZInvitationToken,
} from "../../tenancy/accept-invitation";
import { ZOkResponse } from "@/lib/schemas/responses";

// People manage their own access (SPEC §2, issue 11): password change, reset by e-mailed
// link, invitations the invitee accepts. Answers never say whether an e-mail has an account.

const GONE = new AppError("NOT_FOUND", "La invitación no existe, venció o fue revocada.");
const invitation = (token: string) => {
  const parsed = parseInvitationToken(token);
  if (!parsed) throw GONE;
  return parsed;
};


export const accountRouter = router({
  /** Asks the current password; every session of the user ends (the page signs in again). */
  changePassword: authedProcedure
    .input(ZChangePasswordInput)
    .output(ZOkResponse)
    .mutation(({ ctx, input }) => withUser(ctx.user.id, (tx) => changePassword(tx, input, { userId: ctx.user.id, email: ctx.user.email, ip: ctx.ip }))),

  requestPasswordReset: publicProcedure.input(ZRequestPasswordResetInput).output(ZOkResponse).mutation(async ({ ctx, input }) => {
    await limitAnonymous(ctx.ip, "reset");
    return withAnonymous((tx) => requestPasswordReset(tx, input));
  }),
  resetPassword: publicProcedure.input(ZResetPasswordInput).output(ZOkResponse).mutation(({ input }) => withAnonymous((tx) => resetPassword(tx, input))),

  /** What the invitation page shows: business and role (nothing about accounts). */
  invitation: publicProcedure.input(z.object({ token: ZInvitationToken })).output(ZDescribeInvitationResponse).query(async ({ input }) => {
    const { tenantId, tokenHash } = invitation(input.token);
    const d = await withTenant(tenantId, (tx) => describeInvitation(tx, tokenHash));
    if (!d) throw GONE;
    return { businessName: d.businessName, role: d.role, email: d.email };
  }),
  acceptInvitation: authedProcedure.input(ZAcceptInvitationInput).output(ZAcceptInvitationResponse).mutation(({ ctx, input }) => {
    const { tenantId, tokenHash } = invitation(input.token);
    return withTenant(tenantId, (tx) => acceptInvitation(tx, tokenHash, { userId: ctx.user.id, email: ctx.user.email }), { userId: ctx.user.id });
  }),
  /** New person: creates the account for the invited e-mail. The same answer if it already had one. */
  createInvitedAccount: publicProcedure.input(ZCreateInvitedAccountInput).output(ZCreateInvitedAccountResponse).mutation(async ({ ctx, input }) => {
    await limitAnonymous(ctx.ip, "invite-account");
    const { tenantId, tokenHash } = invitation(input.token);
    const passwordHash = await hashPassword(input.password);
    const r = await withTenant(tenantId, (tx) => createInvitedAccount(tx, tokenHash, { name: input.name, passwordHash }));
    return { email: r.email };
  }),
});
