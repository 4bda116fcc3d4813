import "server-only";
import { z } from "zod";
import { permissionProcedure, router, tenantProcedure } from "../trpc";
import { can } from "@/lib/permissions";
import { zQuantity } from "@/lib/schemas/decimal";
import { ZSupplierInput } from "../../purchasing/supplier-input";
import { createSupplier, deleteSupplier, updateSupplier } from "../../purchasing/save-supplier";
import { getSupplier, listSuppliers, ZListSuppliersResponse, ZSupplierResponse } from "../../purchasing/list-suppliers";
import { ZPurchaseOrderInput } from "../../purchasing/purchase-order-input";
import {
  cancelPurchaseOrder,
  createPurchaseOrder,
  getPurchaseOrder,
  listPurchaseOrders,
  ZListPurchaseOrdersResponse,
  sendPurchaseOrder,
  updatePurchaseOrder,
  ZGetPurchaseOrderResponse,
  ZCreatePurchaseOrderResponse,
} from "../../purchasing/purchase-orders";
import { ZReceiveGoodsInput } from "../../purchasing/receive-goods-input";
import { receiveGoods, ZReceiveGoodsResponse } from "../../purchasing/receive-goods";
import {
  getPayable,
  listPayables,
  payablesAgeing,
  recordPayment,
  supplierStatement,
  ZGetPayableResponse,
  ZListPayablesResponse,
  ZPayablesAgeingResponse,
  ZRecordPaymentInput,
  ZSupplierStatementResponse,
  ZRecordPaymentResponse,
} from "../../purchasing/payables";
import {
  listSuggestions,
  convertSuggestions,
  updateSuggestion,
  ZConvertSuggestionsInput,
  ZUpdateSuggestionResponse,
  ZListSuggestionsResponse,
  ZConvertSuggestionsResponse,
} from "../../purchasing/suggestions";
import { recomputeReplenishment, ZRecomputeReplenishmentResponse } from "../../purchasing/recompute-replenishment";
import { requestReplenishment, ZRequestRecomputeResponse } from "../../purchasing/request-replenishment";
import { listPurchaseCatalog, ZListPurchaseCatalogInput, ZListPurchaseCatalogResponse } from "../../purchasing/list-purchase-catalog";
import { applyPriceList, previewPriceList, ZApplyPriceListResponse, ZPreviewPriceListResponse, ZPriceListInput } from "../../purchasing/price-list";
import {
  listNotifications,
  markNotificationsRead,
  NOTIFICATION_KINDS,
  unreadCount,
  ZNotificationsResponse,
  ZUnreadCountResponse,
  ZMarkNotificationsReadResponse,
} from "../../purchasing/notifications";
import { runDailyAlerts, ZRunDailyAlertsResponse } from "../../purchasing/run-daily-alerts";
import { ZIdResponse } from "@/lib/schemas/responses";

const read = permissionProcedure("purchasing.read");
const write = permissionProcedure("purchasing.write");
const id = z.object({ id: z.string().uuid() });
const actorOf = (ctx: { user: { id: string } }) => ({ userId: ctx.user.id });

const kindsFor = (role: Parameters<typeof can>[0]) => Object.entries(NOTIFICATION_KINDS).filter(([, perm]) => can(role, perm)).map(([k]) => k);

export const purchasingRouter = router({
  // Suppliers
  suppliers: read.input(z.object({ search: z.string().max(80).optional(), includeInactive: z.boolean().optional() }).optional()).output(ZListSuppliersResponse).query(({ ctx, input }) =>
    listSuppliers(ctx.tx, input ?? {}),
  ),
  supplier: read.input(id).output(ZSupplierResponse).query(({ ctx, input }) => getSupplier(ctx.tx, input.id)),
  createSupplier: write.input(ZSupplierInput).output(ZIdResponse).mutation(({ ctx, input }) => createSupplier(ctx.tx, input, actorOf(ctx))),
  updateSupplier: write.input(z.object({ id: z.string().uuid(), data: ZSupplierInput })).output(ZIdResponse).mutation(({ ctx, input }) =>
    updateSupplier(ctx.tx, input.id, input.data, actorOf(ctx)),
  ),
  deleteSupplier: write.input(id).output(ZIdResponse).mutation(({ ctx, input }) => deleteSupplier(ctx.tx, input.id, actorOf(ctx))),
  statement: read
    .input(z.object({ supplierId: z.string().uuid(), from: z.iso.date().optional(), to: z.iso.date().optional() }))
    .output(ZSupplierStatementResponse)
    .query(({ ctx, input }) => supplierStatement(ctx.tx, input.supplierId, input)),

  // Purchase orders
  orders: read
    .input(z.object({ status: z.enum(["DRAFT", "SENT", "PARTIAL", "RECEIVED", "CANCELLED"]).optional(), supplierId: z.string().uuid().optional() }).optional())
    .output(ZListPurchaseOrdersResponse)
    .query(({ ctx, input }) => listPurchaseOrders(ctx.tx, input ?? {})),
  order: read.input(id).output(ZGetPurchaseOrderResponse).query(({ ctx, input }) => getPurchaseOrder(ctx.tx, input.id)),
  createOrder: write.input(ZPurchaseOrderInput).output(ZCreatePurchaseOrderResponse).mutation(({ ctx, input }) => createPurchaseOrder(ctx.tx, input, actorOf(ctx))),
  updateOrder: write.input(z.object({ id: z.string().uuid(), data: ZPurchaseOrderInput })).output(ZIdResponse).mutation(({ ctx, input }) =>
    updatePurchaseOrder(ctx.tx, input.id, input.data, actorOf(ctx)),
  ),
  sendOrder: write.input(id).output(ZIdResponse).mutation(({ ctx, input }) => sendPurchaseOrder(ctx.tx, input.id, actorOf(ctx))),
  cancelOrder: write.input(id).output(ZIdResponse).mutation(({ ctx, input }) => cancelPurchaseOrder(ctx.tx, input.id, actorOf(ctx))),
  receive: write.input(ZReceiveGoodsInput).output(ZReceiveGoodsResponse).mutation(({ ctx, input }) => receiveGoods(ctx.tx, input, actorOf(ctx))),

  /** Products and warehouses for the order and receipt forms. */
  catalog: read
    .input(ZListPurchaseCatalogInput)
    .output(ZListPurchaseCatalogResponse)
    .query(({ ctx, input }) => listPurchaseCatalog(ctx.tx, input)),

  // Payables
  payables: read
    .input(z.object({ status: z.enum(["CURRENT", "DUE_SOON", "OVERDUE", "PAID", "OPEN"]).optional(), supplierId: z.string().uuid().optional() }).optional())
    .output(ZListPayablesResponse)
    .query(({ ctx, input }) => listPayables(ctx.tx, input ?? {})),
  payable: read.input(id).output(ZGetPayableResponse).query(({ ctx, input }) => getPayable(ctx.tx, input.id)),
  pay: write.input(ZRecordPaymentInput).output(ZRecordPaymentResponse).mutation(({ ctx, input }) => recordPayment(ctx.tx, input, actorOf(ctx))),
  ageing: read.output(ZPayablesAgeingResponse).query(({ ctx }) => payablesAgeing(ctx.tx)),

  // Replenishment
  suggestions: read.output(ZListSuggestionsResponse).query(({ ctx }) => listSuggestions(ctx.tx)),
  /**
   * "Recalcular": computes now (so the page shows fresh numbers) and also notifies Inngest,
   * which is the same run (idempotent per day) for setups where the UI should not wait.
   */
  recompute: write.output(ZRecomputeReplenishmentResponse).mutation(({ ctx }) => recomputeReplenishment(ctx.tx, "manual")),
  /**
   * "Recalcular" from the UI: an Inngest event (the on-demand function), sent after the commit;
   * without a reachable Inngest the same idempotent run happens inline.
   */
  requestRecompute: write.output(ZRequestRecomputeResponse).mutation(({ ctx }) => {
    const { id: tenantId } = ctx.tenant;
    const { id: userId } = ctx.user;
    ctx.afterCommit(() => requestReplenishment(tenantId, userId));
    return { queued: true };
  }),
  updateSuggestion: write
    .input(
      z.object({
        id: z.string().uuid(),
        quantity: zQuantity("Cantidad").optional(),
        productId: z.string().uuid().optional(),
        supplierId: z.string().uuid().nullable().optional(),
        dismissed: z.boolean().optional(),
      }),
    )
    .output(ZUpdateSuggestionResponse)
    .mutation(({ ctx, input }) => updateSuggestion(ctx.tx, input)),
  convertSuggestions: write.input(ZConvertSuggestionsInput).output(ZConvertSuggestionsResponse).mutation(({ ctx, input }) => convertSuggestions(ctx.tx, input, actorOf(ctx))),

  // Price lists
  previewPriceList: write.input(ZPriceListInput).output(ZPreviewPriceListResponse).mutation(({ ctx, input }) => previewPriceList(ctx.tx, input)),
  applyPriceList: write.input(ZPriceListInput).output(ZApplyPriceListResponse).mutation(({ ctx, input }) => applyPriceList(ctx.tx, input, actorOf(ctx))),

  /** Runs today's alert scan now (same dedupe keys as the cron). */
  runAlerts: write.output(ZRunDailyAlertsResponse).mutation(({ ctx }) => runDailyAlerts(ctx.tx)),

  // Notifications (any member; filtered by what the role may see)
  notifications: tenantProcedure.output(ZNotificationsResponse).query(({ ctx }) => listNotifications(ctx.tx, ctx.user.id, kindsFor(ctx.role))),
  unreadCount: tenantProcedure.output(ZUnreadCountResponse).query(({ ctx }) => unreadCount(ctx.tx, ctx.user.id, kindsFor(ctx.role))),
  markRead: tenantProcedure
    .input(z.object({ ids: z.array(z.string().uuid()).max(200).optional() }))
    .output(ZMarkNotificationsReadResponse)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx.tx, ctx.user.id, kindsFor(ctx.role), input.ids)),
});
