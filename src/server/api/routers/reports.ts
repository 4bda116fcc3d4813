import "server-only";
import { permissionProcedure, router } from "../trpc";
import { getDashboard, ZDashboardInput } from "../../reports/get-dashboard";
import { getSalesBreakdown, ZSalesBreakdownInput } from "../../reports/get-sales-breakdown";
import { getRotationReport, ZRotationInput } from "../../reports/get-rotation-report";
import { getExpiryReport, ZExpiryInput } from "../../reports/get-expiry-report";
import { getCashDeviations, ZCashDeviationsInput } from "../../reports/get-cash-deviations";
import {
  ZCashDeviationsResponse,
  ZDashboardResponse,
  ZExpiryResponse,
  ZRotationResponse,
  ZSalesBreakdownResponse,
} from "@/lib/report-schemas";

// Read-only: every procedure needs reports.read (OWNER, ADMIN, MANAGER, SUPERVISOR, AUDITOR,
// VIEWER; never CASHIER or OPERATOR). Valuation and payables ageing live in their areas.
const read = permissionProcedure("reports.read");

export const reportsRouter = router({
  dashboard: read.input(ZDashboardInput).output(ZDashboardResponse).query(({ ctx, input }) => getDashboard(ctx.tx, input)),
  sales: read.input(ZSalesBreakdownInput).output(ZSalesBreakdownResponse).query(({ ctx, input }) => getSalesBreakdown(ctx.tx, input)),
  rotation: read.input(ZRotationInput).output(ZRotationResponse).query(({ ctx, input }) => getRotationReport(ctx.tx, input)),
  expiry: read.input(ZExpiryInput).output(ZExpiryResponse).query(({ ctx, input }) => getExpiryReport(ctx.tx, input)),
  cashDeviations: read.input(ZCashDeviationsInput).output(ZCashDeviationsResponse).query(({ ctx, input }) => getCashDeviations(ctx.tx, input)),
});
