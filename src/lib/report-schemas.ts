import { z } from "zod";

// Response shapes of the reports router (camelCase, money and quantities as decimal strings).
// Client-safe: the report components read their types from here.

const money = z.string();
const period = z.object({ from: z.string(), to: z.string() });

export const ZSalesRow = z.object({
  key: z.string(),
  label: z.string(),
  quantity: z.string().nullable(),
  tickets: z.number().int().nullable(),
  gross: money,
  discount: money,
  voids: money,
  net: money,
  cost: money.nullable(),
  margin: money.nullable(),
  marginPct: z.string().nullable(),
});
export type SalesRowT = z.infer<typeof ZSalesRow>;

export const ZSalesBreakdownResponse = z.object({ rows: z.array(ZSalesRow), totals: ZSalesRow.omit({ key: true, label: true }) });
export type SalesBreakdownT = z.infer<typeof ZSalesBreakdownResponse>;

export const ZSalesSummary = z.object({
  gross: money,
  discount: money,
  voids: money,
  net: money,
  tax: money,
  cost: money,
  margin: money,
  marginPct: z.string().nullable(),
  tickets: z.number().int(),
  voidedTickets: z.number().int(),
  offlineTickets: z.number().int(),
  averageTicket: money.nullable(),
});
export type SalesSummaryT = z.infer<typeof ZSalesSummary>;

export const ZOperationsSnapshot = z.object({
  today: z.string(),
  cash: z.object({ closings: z.number().int(), deviation: money, absDeviation: money, critical: z.number().int(), pendingReview: z.number().int() }),
  payables: z.object({ dueCount: z.number().int(), dueAmount: money, overdueCount: z.number().int(), overdueAmount: money }),
  expiring: z.object({ days: z.number().int(), lots: z.number().int(), quantity: z.string(), value: money }),
  belowMinimum: z.number().int(),
  fiscal: z.object({ pending: z.number().int(), rejected: z.number().int() }),
});

export const ZDashboardResponse = z.object({
  period,
  previous: period,
  current: ZSalesSummary,
  before: ZSalesSummary,
  series: z.object({ by: z.enum(["day", "hour"]), rows: z.array(ZSalesRow) }),
  methods: z.array(ZSalesRow),
  topByNet: z.array(ZSalesRow),
  topByMargin: z.array(ZSalesRow),
  registers: z.array(ZSalesRow),
  cashiers: z.array(ZSalesRow),
  operations: ZOperationsSnapshot,
});
export type DashboardT = z.infer<typeof ZDashboardResponse>;

export const ZRotationRow = z.object({
  productId: z.string(),
  name: z.string(),
  sku: z.string(),
  unitsSold: z.string(),
  cost: money,
  stockStart: z.string(),
  stockEnd: z.string(),
  averageStock: z.string(),
  daysOfStock: z.string().nullable(),
  turnover: z.string().nullable(),
  dead: z.boolean(),
  stockNow: z.string(),
  lastSale: z.string().nullable(),
});
export const ZRotationResponse = z.object({ days: z.number().int(), rows: z.array(ZRotationRow) });
export type RotationT = z.infer<typeof ZRotationResponse>;

export const ZExpiryResponse = z.object({
  today: z.string(),
  buckets: z.array(z.object({ bucket: z.string(), label: z.string(), lots: z.number().int(), quantity: z.string(), value: money })),
  lots: z.array(
    z.object({
      lotId: z.string(),
      product: z.string(),
      lotNumber: z.string().nullable(),
      warehouse: z.string(),
      expiresAt: z.string(),
      daysLeft: z.number().int(),
      quantity: z.string(),
      value: money,
    }),
  ),
  losses: z.object({ soldCost: money, expiredCost: money, expiredQuantity: z.string(), lossPct: z.string().nullable() }),
});
export type ExpiryT = z.infer<typeof ZExpiryResponse>;

const ZCashDeviationRow = z.object({
  key: z.string(),
  label: z.string(),
  closings: z.number().int(),
  expected: money,
  declared: money,
  deviation: money,
  absDeviation: money,
  warning: z.number().int(),
  critical: z.number().int(),
  pendingReview: z.number().int(),
});
export const ZCashDeviationsResponse = z.object({ rows: z.array(ZCashDeviationRow), totals: ZCashDeviationRow.omit({ key: true, label: true }) });
export type CashDeviationsT = z.infer<typeof ZCashDeviationsResponse>;
