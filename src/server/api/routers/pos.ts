import "server-only";
import { z } from "zod";
import { TRPCError } from "@trpc/server";
import { permissionProcedure, router } from "../trpc";
import { can } from "@/lib/permissions";
import { ZSaleInput } from "@/lib/schemas/sale";
import { createSale } from "../../pos/create-sale";
import { voidSale, ZVoidSaleInput, ZVoidSaleResponse } from "../../pos/void-sale";
import { getSaleTicket, ZSaleTicketResponse } from "../../pos/get-sale-ticket";
import { listSales, ZListSalesResponse } from "../../pos/list-sales";
import { findProductByCode, searchProducts, ZFindProductByCodeResponse, ZSearchProductsResponse } from "../../pos/find-products";
import { createCustomer, searchCustomers, ZCreateCustomerInput, ZSearchCustomersResponse, ZCreateCustomerResponse } from "../../pos/customers";
import {
  listStockConflicts,
  resolveStockConflict,
  ZListStockConflictsResponse,
  ZResolveStockConflictInput,
  ZResolveStockConflictResponse,
} from "../../pos/stock-conflicts";
import {
  listCatalogConflicts,
  resolveCatalogConflict,
  ZResolveCatalogConflictInput,
  ZListCatalogConflictsResponse,
} from "../../pos/catalog-conflicts";
import { openCashSession, ZOpenCashSessionInput, ZOpenCashSessionResponse } from "../../cash/open-cash-session";
import { addCashMovement, ZAddCashMovementInput, ZAddCashMovementResponse } from "../../cash/add-cash-movement";
import { closeCashSession, ZCloseCashSessionInput, ZCloseCashSessionResponse } from "../../cash/close-cash-session";
import { getCashSession, ZGetCashSessionResponse } from "../../cash/get-cash-session";
import { justifyCashSession, ZJustifyCashSessionInput, ZJustifyCashSessionResponse } from "../../cash/justify-cash-session";
import { listCashSessions, ZListCashSessionsResponse } from "../../cash/list-cash-sessions";
import { listOpenConflicts, ZListOpenConflictsResponse } from "../../cash/list-open-conflicts";
import { resolveOpenConflict, ZResolveOpenConflictInput, ZResolveOpenConflictResponse } from "../../cash/resolve-open-conflict";
import { listRegistersWithSessions, ZListRegistersWithSessionsResponse } from "../../cash/current-cash-session";
import { sendFiscalEvent } from "../../fiscal/events";
import {
  listRegisters,
  listSellingWarehouses,
  saveRegister,
  ZListRegistersResponse,
  ZSaveRegisterInput,
  ZSellingWarehousesResponse,
  ZSaveRegisterResponse,
} from "../../pos/save-register";
import { ZCreateSaleResponse } from "../../pos/sale-responses";
import { ZOkResponse } from "@/lib/schemas/responses";

const sell = permissionProcedure("pos.sell");
const review = permissionProcedure("cash.review");
const settings = permissionProcedure("tenant.settings");

// Who is acting, and whether they may see/act on any session (reviewers) or only their own.
const actorOf = (ctx: { user: { id: string }; role: Parameters<typeof can>[0] }) => ({
  userId: ctx.user.id,
  canReview: can(ctx.role, "cash.review"),
});

export const posRouter = router({
  /** Registers with their open session (no amounts): the POS start screen. */
  registers: sell.output(ZListRegistersWithSessionsResponse).query(({ ctx }) => listRegistersWithSessions(ctx.tx)),

  openSession: sell.input(ZOpenCashSessionInput).output(ZOpenCashSessionResponse).mutation(({ ctx, input }) => openCashSession(ctx.tx, input, actorOf(ctx))),

  /** Blind for cashiers: expected amounts only for cash.review, or after the declaration. */
  session: sell.input(z.object({ cashSessionId: z.uuid() })).output(ZGetCashSessionResponse).query(({ ctx, input }) =>
    getCashSession(ctx.tx, input.cashSessionId, actorOf(ctx)),
  ),

  cashMovement: sell.input(ZAddCashMovementInput).output(ZAddCashMovementResponse).mutation(({ ctx, input }) => addCashMovement(ctx.tx, input, actorOf(ctx))),

  closeSession: sell.input(ZCloseCashSessionInput).output(ZCloseCashSessionResponse).mutation(async ({ ctx, input }) => {
    const r = await closeCashSession(ctx.tx, input, actorOf(ctx));
    return { ...r.closing, lines: r.lines };
  }),

  productByCode: sell.input(z.object({ code: z.string().max(64) })).output(ZFindProductByCodeResponse).query(({ ctx, input }) => findProductByCode(ctx.tx, input.code)),
  searchProducts: sell.input(z.object({ q: z.string().max(80) })).output(ZSearchProductsResponse).query(({ ctx, input }) => searchProducts(ctx.tx, input.q)),

  createSale: sell.input(ZSaleInput).output(ZCreateSaleResponse).mutation(async ({ ctx, input }) => {
    // Charging to an account or a room is its own permission (SPEC §2 matrix, billing).
    if (input.charge && !can(ctx.role, "billing.charge")) throw new TRPCError({ code: "FORBIDDEN", message: "Tu rol no permite cargar ventas a cuenta o a habitación." });
    const r = await createSale(ctx.tx, input, { ...actorOf(ctx), ip: ctx.ip }, {
      mode: "online",
      allowNegativeStock: ctx.tenant.settings.allowNegativeStock === true,
    });
    const documentId = r.fiscalDocumentId;
    if (documentId) ctx.afterCommit(() => sendFiscalEvent(documentId, ctx.tenant.id));
    const { fiscalDocumentId: _f, ...result } = r;
    return result;
  }),

  /** The ticket (reprint data); reviewers see any sale, a cashier only the sales of their own sessions (SPEC §2). */
  sale: sell.input(z.object({ saleId: z.uuid() })).output(ZSaleTicketResponse).query(({ ctx, input }) => getSaleTicket(ctx.tx, input.saleId, actorOf(ctx))),

  /**
   * Sales lists are for reviewers only: a cashier adding up their own session's tickets would
   * learn the expected amount before the blind declaration.
   */
  sales: review
    .input(z.object({ cashSessionId: z.uuid().optional(), ticketNumber: z.number().int().positive().optional() }))
    .output(ZListSalesResponse)
    .query(({ ctx, input }) => listSales(ctx.tx, input)),

  /** The cashier's screen sends the supervisor's credentials; the service verifies them. */
  voidSale: sell.input(ZVoidSaleInput).output(ZVoidSaleResponse).mutation(async ({ ctx, input }) => {
    const r = await voidSale(ctx.tx, input, { userId: ctx.user.id, ip: ctx.ip });
    const documentId = r.creditNoteDocumentId;
    if (documentId) ctx.afterCommit(() => sendFiscalEvent(documentId, ctx.tenant.id));
    return { saleId: r.sale.id, ticketNumber: r.sale.ticketNumber, status: r.sale.status, fiscalStatus: r.sale.fiscalStatus, authorizedBy: r.supervisor.name };
  }),

  sessions: review
    .input(z.object({ onlyPending: z.boolean().optional() }).optional())
    .output(ZListCashSessionsResponse)
    .query(({ ctx, input }) => listCashSessions(ctx.tx, { onlyPending: input?.onlyPending })),
  justify: review.input(ZJustifyCashSessionInput).output(ZJustifyCashSessionResponse).mutation(({ ctx, input }) => justifyCashSession(ctx.tx, input, { userId: ctx.user.id })),

  customers: sell.input(z.object({ q: z.string().max(80) })).output(ZSearchCustomersResponse).query(({ ctx, input }) => searchCustomers(ctx.tx, input.q)),
  createCustomer: sell.input(ZCreateCustomerInput).output(ZCreateCustomerResponse).mutation(({ ctx, input }) => createCustomer(ctx.tx, input)),

  /** Register administration (OWNER/ADMIN): warehouse, AFIP point of sale, fiscal documents on/off. */
  allRegisters: settings.output(ZListRegistersResponse).query(({ ctx }) => listRegisters(ctx.tx)),
  warehouses: settings.output(ZSellingWarehousesResponse).query(({ ctx }) => listSellingWarehouses(ctx.tx)),
  saveRegister: settings.input(ZSaveRegisterInput).output(ZSaveRegisterResponse).mutation(({ ctx, input }) => saveRegister(ctx.tx, input)),

  stockConflicts: review
    .input(z.object({ status: z.enum(["OPEN", "RESOLVED"]).optional() }).optional())
    .output(ZListStockConflictsResponse)
    .query(({ ctx, input }) => listStockConflicts(ctx.tx, { status: input?.status })),
  resolveStockConflict: review
    .input(ZResolveStockConflictInput)
    .output(ZResolveStockConflictResponse)
    .mutation(({ ctx, input }) => resolveStockConflict(ctx.tx, input, { userId: ctx.user.id })),

  /** Offline lines at a price the product never had, or of a product already inactive (issue 11). */
  catalogConflicts: review
    .input(z.object({ status: z.enum(["OPEN", "RESOLVED"]).optional() }).optional())
    .output(ZListCatalogConflictsResponse)
    .query(({ ctx, input }) => listCatalogConflicts(ctx.tx, { status: input?.status })),
  resolveCatalogConflict: review
    .input(ZResolveCatalogConflictInput)
    .output(ZOkResponse)
    .mutation(({ ctx, input }) => resolveCatalogConflict(ctx.tx, input, { userId: ctx.user.id })),

  /** Shifts opened offline on a register that was already open: accepted, flagged for review (issue 13). */
  openConflicts: review
    .input(z.object({ status: z.enum(["OPEN", "RESOLVED"]).optional() }).optional())
    .output(ZListOpenConflictsResponse)
    .query(({ ctx, input }) => listOpenConflicts(ctx.tx, { status: input?.status })),
  resolveOpenConflict: review
    .input(ZResolveOpenConflictInput)
    .output(ZResolveOpenConflictResponse)
    .mutation(({ ctx, input }) => resolveOpenConflict(ctx.tx, input, { userId: ctx.user.id })),
});
