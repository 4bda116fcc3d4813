import "server-only";
import { z } from "zod";
import { router, tenantProcedure } from "../trpc";
import { kindsFor } from "../../notifications/kinds";
import { countUnread, listNotifications, ZListNotificationsInput, ZListNotificationsResponse } from "../../notifications/list-notifications";
import { markNotificationsRead, ZMarkReadInput, ZMarkReadResponse } from "../../notifications/mark-read";

// Every area's alerts, for any member: each sees what their role may see plus what is addressed to them.
export const notificationsRouter = router({
  list: tenantProcedure
    .input(ZListNotificationsInput)
    .output(ZListNotificationsResponse)
    .query(({ ctx, input }) => listNotifications(ctx.tx, ctx.user.id, kindsFor(ctx.role), input ?? {})),
  unreadCount: tenantProcedure.output(z.number().int()).query(({ ctx }) => countUnread(ctx.tx, ctx.user.id, kindsFor(ctx.role))),
  markRead: tenantProcedure
    .input(ZMarkReadInput)
    .output(ZMarkReadResponse)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.tx, ctx.user.id, kindsFor(ctx.role), input)),
});
