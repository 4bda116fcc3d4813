import "server-only";
import { z } from "zod";
import { permissionProcedure, router } from "../trpc";
import { ZAddFolioChargeInput, ZCollectionInput, ZCreateBatchInput, ZCreditOverrideInput, ZIsoDate, ZOpenFolioInput } from "@/lib/schemas/billing";
import { authorizeCreditOverride, ZCreditOverrideResponse } from "../../billing/credit-override";
import { openFolio, ZOpenFolioResponse } from "../../billing/open-folio";
import { addFolioCharge, ZAddFolioChargeResponse } from "../../billing/add-folio-charge";
import {
  transferFolioCharge,
  voidFolioCharge,
  ZTransferFolioChargeInput,
  ZVoidFolioChargeInput,
  ZVoidFolioChargeResponse,
  ZTransferFolioChargeResponse,
} from "../../billing/change-folio-charge";
import { checkoutFolio, ZCheckoutFolioInput, ZCheckoutFolioResponse } from "../../billing/checkout-folio";
import { getFolio, listFolios, listOpenFolios, ZListFoliosResponse, ZListOpenFoliosResponse, ZGetFolioResponse } from "../../billing/list-folios";
import { addAccountCharge, ZAddAccountChargeInput, ZAddAccountChargeResponse } from "../../billing/add-account-charge";
import { listPending, ZListPendingResponse } from "../../billing/list-pending";
import { cancelPending, ZCancelPendingInput, ZCancelPendingResponse } from "../../billing/cancel-pending";
import { createBatch, ZCreateBatchResponse } from "../../billing/create-batch";
import { listBillingPointsOfSale, ZBillingPointsOfSaleResponse } from "../../billing/list-billing-points-of-sale";
import { getBatch, listBatches, ZListBatchesResponse, ZGetBatchResponse } from "../../billing/list-batches";
import { cancelBatch, ZCancelBatchResponse } from "../../billing/cancel-batch";
import { retryBatch, ZRetryBatchResponse } from "../../billing/retry-batch";
import { sendBatchEvent } from "../../billing/events";
import { runBatchInline } from "../../billing/run-batch-inline";
import { customerStatement, ZCustomerStatementResponse } from "../../billing/customer-statement";
import { recordCollection, ZRecordCollectionResponse } from "../../billing/record-collection";
import { listInvoices, ZInvoiceQueryInput, ZListInvoicesResponse } from "../../billing/list-invoices";
import { sendFiscalEvent } from "../../fiscal/events";
import { listOpenCashSessions, ZListOpenCashSessionsResponse } from "../../billing/list-open-cash-sessions";

const read = permissionProcedure("billing.read");
const write = permissionProcedure("billing.write");
const charge = permissionProcedure("billing.charge");
const id = z.object({ id: z.uuid() });
const actorOf = (ctx: { user: { id: string }; ip: string }) => ({ userId: ctx.user.id, ip: ctx.ip });

/** After commit: Inngest runs the batch; without an Inngest server (dev, e2e) the in-process stand-in does. */
const startBatch = (tenantId: string, batchId: string, run: number) => async () => {
  if (!(await sendBatchEvent({ tenantId, batchId, run }))) runBatchInline(tenantId, batchId);
};

export const billingRouter = router({
  // Folios (hotels)
  folios: read
    .input(z.object({ status: z.enum(["OPEN", "CLOSED"]).optional(), search: z.string().max(80).optional() }).optional())
    .output(ZListFoliosResponse)
    .query(({ ctx, input }) => listFolios(ctx.tx, input ?? {})),
  /** Open folios for "cargo a habitación" at the POS. */
  openFolios: charge.output(ZListOpenFoliosResponse).query(({ ctx }) => listOpenFolios(ctx.tx)),
  folio: read.input(id).output(ZGetFolioResponse).query(({ ctx, input }) => getFolio(ctx.tx, input.id)),
  openFolio: write.input(ZOpenFolioInput).output(ZOpenFolioResponse).mutation(({ ctx, input }) => openFolio(ctx.tx, input, actorOf(ctx))),
  addFolioCharge: write.input(ZAddFolioChargeInput).output(ZAddFolioChargeResponse).mutation(({ ctx, input }) => addFolioCharge(ctx.tx, input, actorOf(ctx))),
  voidFolioCharge: write.input(ZVoidFolioChargeInput).output(ZVoidFolioChargeResponse).mutation(({ ctx, input }) => voidFolioCharge(ctx.tx, input, actorOf(ctx))),
  transferFolioCharge: write.input(ZTransferFolioChargeInput).output(ZTransferFolioChargeResponse).mutation(({ ctx, input }) => transferFolioCharge(ctx.tx, input, actorOf(ctx))),
  /** Open cash sessions where a checkout can be paid. */
  openSessions: write.output(ZListOpenCashSessionsResponse).query(({ ctx }) => listOpenCashSessions(ctx.tx)),
  checkout: write.input(ZCheckoutFolioInput).output(ZCheckoutFolioResponse).mutation(async ({ ctx, input }) => {
    const r = await checkoutFolio(ctx.tx, input, actorOf(ctx));
    const documentId = r.fiscalDocumentId;
    if (documentId) ctx.afterCommit(() => sendFiscalEvent(documentId, ctx.tenant.id));
    return r;
  }),

  // Pending billables
  pending: read
    .input(z.object({ customerId: z.uuid().optional(), from: ZIsoDate.optional(), to: ZIsoDate.optional() }).optional())
    .output(ZListPendingResponse)
    .query(({ ctx, input }) => listPending(ctx.tx, input ?? {})),
  /** A supervisor's authorisation over a credit limit, for a sale at the POS (a signed grant; the credentials stay here). */
  authorizeCreditOverride: charge
    .input(ZCreditOverrideInput)
    .output(ZCreditOverrideResponse)
    .mutation(({ ctx, input }) => authorizeCreditOverride(ctx.tx, input, actorOf(ctx))),
  addAccountCharge: write.input(ZAddAccountChargeInput).output(ZAddAccountChargeResponse).mutation(({ ctx, input }) => addAccountCharge(ctx.tx, input, actorOf(ctx))),
  cancelPending: write.input(ZCancelPendingInput).output(ZCancelPendingResponse).mutation(({ ctx, input }) => cancelPending(ctx.tx, input, actorOf(ctx))),

  // Batches
  /** The CAE points of sale a batch may issue on. */
  pointsOfSale: write.output(ZBillingPointsOfSaleResponse).query(({ ctx }) => listBillingPointsOfSale(ctx.tx)),
  batches: read.output(ZListBatchesResponse).query(({ ctx }) => listBatches(ctx.tx)),
  batch: read.input(id).output(ZGetBatchResponse).query(({ ctx, input }) => getBatch(ctx.tx, input.id)),
  createBatch: write.input(ZCreateBatchInput).output(ZCreateBatchResponse).mutation(async ({ ctx, input }) => {
    const r = await createBatch(ctx.tx, input, actorOf(ctx));
    if (r.created) ctx.afterCommit(startBatch(ctx.tenant.id, r.batchId, 0));
    return r;
  }),
  retryBatch: write.input(id).output(ZRetryBatchResponse).mutation(async ({ ctx, input }) => {
    const r = await retryBatch(ctx.tx, input.id);
    ctx.afterCommit(startBatch(ctx.tenant.id, input.id, r.run));
    return r;
  }),
  cancelBatch: write.input(id).output(ZCancelBatchResponse).mutation(({ ctx, input }) => cancelBatch(ctx.tx, input.id, actorOf(ctx))),

  // Accounts receivable
  statement: read.input(z.object({ customerId: z.uuid() })).output(ZCustomerStatementResponse).query(({ ctx, input }) => customerStatement(ctx.tx, input.customerId)),
  recordCollection: write.input(ZCollectionInput).output(ZRecordCollectionResponse).mutation(({ ctx, input }) => recordCollection(ctx.tx, input, actorOf(ctx))),

  // Invoice queries (seed 002)
  invoices: read.input(ZInvoiceQueryInput).output(ZListInvoicesResponse).query(({ ctx, input }) => listInvoices(ctx.tx, input)),
});
