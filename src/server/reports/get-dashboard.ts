import "server-only";
import { z } from "zod";
import type { Tx } from "../db/client";
import { previousPeriod, type Period } from "@/lib/report-period";
import { ZPeriod, checkPeriod } from "./common";
import { getSalesSummary, type SalesSummary } from "./get-sales-summary";
import { getSalesBreakdown, type SalesRow } from "./get-sales-breakdown";
import { getOperationsSnapshot, type OperationsSnapshot } from "./get-operations-snapshot";

export const ZDashboardInput = ZPeriod;
export type TDashboardInput = z.input<typeof ZDashboardInput>;

export type Dashboard = {
  period: Period;
  previous: Period;
  current: SalesSummary;
  before: SalesSummary;
  /** Net sales by hour when the period is one day, else by day. */
  series: { by: "day" | "hour"; rows: SalesRow[] };
  methods: SalesRow[];
  topByNet: SalesRow[];
  topByMargin: SalesRow[];
  registers: SalesRow[];
  cashiers: SalesRow[];
  operations: OperationsSnapshot;
};

const TOP = 8;

/** Everything the owner's home page shows, from the rollups (one tenant transaction). */
export async function getDashboard(tx: Tx, raw: TDashboardInput): Promise<Dashboard> {
  const period = checkPeriod(ZDashboardInput.parse(raw));
  const previous = previousPeriod(period);
  const by = period.from === period.to ? "hour" : "day";
  // Sequential: one transaction is one connection.
  const current = await getSalesSummary(tx, period);
  const before = await getSalesSummary(tx, previous);
  const series = await getSalesBreakdown(tx, { ...period, by });
  const methods = await getSalesBreakdown(tx, { ...period, by: "method", orderBy: "net" });
  const topByNet = await getSalesBreakdown(tx, { ...period, by: "product", orderBy: "net", limit: TOP });
  const topByMargin = await getSalesBreakdown(tx, { ...period, by: "product", orderBy: "margin", limit: TOP });
  const registers = await getSalesBreakdown(tx, { ...period, by: "register", orderBy: "net" });
  const cashiers = await getSalesBreakdown(tx, { ...period, by: "cashier", orderBy: "net" });
  const operations = await getOperationsSnapshot(tx, period);
  return {
    period,
    previous,
    current,
    before,
    series: { by, rows: series.rows },
    methods: methods.rows,
    topByNet: topByNet.rows,
    topByMargin: topByMargin.rows,
    registers: registers.rows,
    cashiers: cashiers.rows,
    operations,
  };
}
