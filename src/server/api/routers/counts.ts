import "server-only";
import { z } from "zod";
import { permissionProcedure, router } from "../trpc";
import { createCount, ZCreateCountInput } from "../../counts/create-count";
import { changeCountStatus, ZChangeCountStatusInput } from "../../counts/change-count-status";
import { listCounts, ZListCountsResponse } from "../../counts/list-counts";
import { getCountingSheet, listMyCounts, ZCountingSheetResponse, ZMyCountsResponse } from "../../counts/list-my-counts";
import { findCountProduct, ZFindCountProductInput, ZFindCountProductResponse } from "../../counts/find-count-product";
import { recordCountEntry, ZRecordCountEntryInput, ZRecordCountEntryResponse } from "../../counts/record-count-entry";
import { correctCountEntry, ZCorrectCountEntryInput, ZCorrectCountEntryResponse } from "../../counts/correct-count-entry";
import { getCountReview, ZCountReportInput, ZCountReviewInput, ZCountReviewResponse } from "../../counts/get-count-review";
import { requestRecount, ZRequestRecountInput, ZRequestRecountResponse } from "../../counts/request-recount";
import { resolveUncounted, ZResolveUncountedInput, ZResolveUncountedResponse } from "../../counts/resolve-uncounted";
import { applyCount, ZApplyCountInput, ZApplyCountResponse } from "../../counts/apply-count";
import { ZCountId } from "../../counts/common";

// Thin. Two doors: counters (counts.perform) get blind procedures only; review and
// apply (counts.apply) see the system's figures.
const actor = (ctx: { user: { id: string } }) => ({ userId: ctx.user.id });

export const countsRouter = router({
  // --- counters (blind) ---
  mine: permissionProcedure("counts.perform")
    .output(ZMyCountsResponse)
    .query(({ ctx }) => listMyCounts(ctx.tx, actor(ctx))),
  sheet: permissionProcedure("counts.perform")
    .input(z.object({ countId: ZCountId }))
    .output(ZCountingSheetResponse)
    .query(({ ctx, input }) => getCountingSheet(ctx.tx, input.countId, actor(ctx))),
  findProduct: permissionProcedure("counts.perform")
    .input(ZFindCountProductInput)
    .output(ZFindCountProductResponse)
    .query(({ ctx, input }) => findCountProduct(ctx.tx, input)),
  record: permissionProcedure("counts.perform")
    .input(ZRecordCountEntryInput)
    .output(ZRecordCountEntryResponse)
    .mutation(({ ctx, input }) => recordCountEntry(ctx.tx, input, actor(ctx))),
  correct: permissionProcedure("counts.perform")
    .input(ZCorrectCountEntryInput)
    .output(ZCorrectCountEntryResponse)
    .mutation(({ ctx, input }) => correctCountEntry(ctx.tx, input, actor(ctx))),

  // --- managers ---
  list: permissionProcedure("counts.apply")
    .output(ZListCountsResponse)
    .query(({ ctx }) => listCounts(ctx.tx)),
  create: permissionProcedure("counts.apply")
    .input(ZCreateCountInput)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => createCount(ctx.tx, input, actor(ctx))),
  changeStatus: permissionProcedure("counts.apply")
    .input(ZChangeCountStatusInput)
    .output(z.object({ status: z.enum(["OPEN", "COUNTING", "REVIEW", "APPLIED", "CANCELLED"]) }))
    .mutation(({ ctx, input }) => changeCountStatus(ctx.tx, input, actor(ctx))),
  review: permissionProcedure("counts.apply")
    .input(ZCountReviewInput)
    .output(ZCountReviewResponse)
    .query(({ ctx, input }) => getCountReview(ctx.tx, input)),
  report: permissionProcedure("counts.apply")
    .input(ZCountReportInput)
    .output(ZCountReviewResponse)
    .query(({ ctx, input }) => getCountReview(ctx.tx, { countId: input.countId, limit: 100_000 })),
  requestRecount: permissionProcedure("counts.apply")
    .input(ZRequestRecountInput)
    .output(ZRequestRecountResponse)
    .mutation(({ ctx, input }) => requestRecount(ctx.tx, input, actor(ctx))),
  resolveUncounted: permissionProcedure("counts.apply")
    .input(ZResolveUncountedInput)
    .output(ZResolveUncountedResponse)
    .mutation(({ ctx, input }) => resolveUncounted(ctx.tx, input, actor(ctx))),
  applyLines: permissionProcedure("counts.apply")
    .input(ZApplyCountInput)
    .output(ZApplyCountResponse)
    .mutation(({ ctx, input }) => applyCount(ctx.tx, input, actor(ctx))),
});
