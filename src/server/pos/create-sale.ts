import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { stockConflicts } from "../db/schema/pos";
import { AppError } from "../errors/app-error";
import { Decimal, ZERO, sum } from "@/lib/decimal";
import type { PaymentMethod, TSaleInput, TSaleResult } from "@/lib/schemas/sale";
import { requestSaleFiscalDocument } from "./fiscal-link";
import { authorizeSaleCharge } from "../billing/authorize-sale-charge";
import { recordSaleCharge } from "../billing/record-sale-charge";
import { catalogConflicts } from "../db/schema/security";
import { findCatalogConflicts, saleTimeWithinSession } from "./catalog-conflicts";
import type { SalePrefetch } from "./prefetch-sales";
import { readSale } from "./sale-reads";
import { lockExitChain } from "../inventory/lock-exit-chain";
import { exitSaleStock, NO_STOCK_WRITES, planSaleStock, type LineExit } from "./sale-stock";
import { writeSale } from "./sale-write";
import { applyPayments } from "./apply-payments";

export { applyPayments };
export type { ProductRow, SessionAndRegister } from "./sale-reads";

export type CreateSaleActor = { userId: string; canReview?: boolean; ip?: string };
export type CreateSaleOptions = {
  mode: "online" | "offline";
  /** Tenant setting; read from the tenant row when not given. */
  allowNegativeStock?: boolean;
  /** Read for a whole sync batch at once, under the same locks (prefetch-sales.ts). */
  prefetched?: SalePrefetch;
};
export type CreateSaleResult = TSaleResult & { fiscalDocumentId: string | null; catalogConflict?: boolean };

/**
 * Rings a sale in ONE transaction (the caller's): sale, lines with the price at sale time,
 * stock exits (FEFO, auto-unpack, cost of goods per line), payments with change for cash,
 * cash movements, the gapless ticket number, and the fiscal request (a PENDING row, no
 * network). Idempotent by the client's UUID: a replay, even concurrent with the first
 * submission, returns the first result.
 * Round trips: one for every read (sale-reads.ts), one for every write (sale-write.ts); the
 * stock plan is computed in between from the locked levels and lots (sale-stock.ts).
 */
export async function createSale(tx: Tx, input: TSaleInput, actor: CreateSaleActor, opts: CreateSaleOptions): Promise<CreateSaleResult> {
  const pre = opts.prefetched;
  const needAllowNegative = opts.mode === "online" && opts.allowNegativeStock === undefined;
  // A sync group's stock, when still current, replaces this sale's own stock reads.
  const groupStock = pre?.stock?.valid && pre.session ? pre.stock.byWarehouse.get(pre.session.warehouse_id) : undefined;
  const reads = await readSale(tx, input, {
    pre: pre ? { session: pre.session, existing: pre.existing, products: [...new Set(input.lines.map((l) => l.productId))].flatMap((id) => pre.products.get(id) ?? []) } : undefined,
    needAllowNegative,
    // A charge locks the account or folio before any stock (authorizeSaleCharge): no stock reads yet.
    stock: !input.charge && !groupStock,
  });
  const { session, existing } = reads;
  if (existing) return existing;
  if (!session) throw new AppError("NOT_FOUND", "La sesión de caja no existe.");
  if (session.register_id !== input.registerId) {
    throw new AppError("VALIDATION", "La sesión de caja no corresponde a esa caja.");
  }
  if (session.status !== "OPEN") throw new AppError("INVALID_STATE", "La sesión de caja está cerrada: abrí la caja para vender.");
  // Online or offline: only into the caller's own session, unless they review cash.
  if (session.opened_by !== actor.userId && !actor.canReview) {
    throw new AppError("FORBIDDEN", "Esta sesión de caja la abrió otra persona.");
  }
  // Online sales take the server's time; an offline sale keeps its time only if it falls
  // within the session it claims (with a little clock skew).
  const soldAt = opts.mode === "online" ? null : new Date(input.createdAt);
  if (soldAt && !saleTimeWithinSession(soldAt, new Date(session.opened_at), new Date())) {
    throw new AppError("VALIDATION", "La hora de la venta no corresponde a la sesión de caja.", { field: "createdAt" });
  }
  const register = session;

  const allowNegative = opts.mode === "offline" || (opts.allowNegativeStock ?? reads.allowNegative ?? false);

  if (input.customerId && !reads.customerFound) throw new AppError("NOT_FOUND", "El cliente elegido no existe.", { field: "customerId" });

  // Products, prices and totals.
  const byId = new Map(reads.products.map((p) => [p.id, p]));
  const lines = input.lines.map((l, i) => {
    const p = byId.get(l.productId);
    if (!p) throw new AppError("NOT_FOUND", "Un producto de la venta no existe.", { productId: l.productId, line: i + 1 });
    if (opts.mode === "online" && !p.active) throw new AppError("INVALID_STATE", `«${p.name}» está desactivado y no se puede vender.`);
    // Online the catalog decides the price; offline sales keep the price the cashier saw.
    const unitPrice = new Decimal(l.unitPrice);
    if (opts.mode === "online" && !unitPrice.eq(p.sale_price)) {
      throw new AppError("CONFLICT", `El precio de «${p.name}» cambió a $ ${new Decimal(p.sale_price).toFixed(2)}. Volvé a cargarlo.`, {
        productId: p.id,
        price: p.sale_price,
      });
    }
    const quantity = new Decimal(l.quantity);
    const gross = quantity.times(unitPrice).toDecimalPlaces(2);
    const discount = new Decimal(l.discount ?? 0);
    if (discount.gt(gross)) throw new AppError("VALIDATION", `El descuento de «${p.name}» supera el importe de la línea.`, { line: i + 1 });
    return { lineNo: i + 1, product: p, quantity, unitPrice, discount, total: gross.minus(discount) };
  });
  const subtotal = sum(lines.map((l) => l.total));
  const ticketDiscount = new Decimal(input.discount ?? 0);
  if (ticketDiscount.gt(subtotal)) throw new AppError("VALIDATION", "El descuento supera el total de la venta.");
  const total = subtotal.minus(ticketDiscount);

  // Charged to an account or a room instead of paid: checked (and locked) before stock moves.
  const charge = input.charge ? await authorizeSaleCharge(tx, input.charge, total, actor) : null;
  const payments = charge ? { paid: ZERO, change: ZERO, rows: [] } : applyPayments(input.payments, total);
  const customerId = input.customerId ?? (charge?.kind === "ACCOUNT" ? charge.customerId : null);

  // Stock exits, in product order (the order the levels were locked in). The common case is
  // planned from what readSale read under the locks; anything else goes through exitStock.
  const stocked = lines.filter((l) => !l.product.is_service).sort((a, b) => a.product.id.localeCompare(b.product.id));
  const stockLines = stocked.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, quantity: new Decimal(l.quantity.toFixed(3)) }));
  const fast = charge ? null : planSaleStock(stockLines, groupStock ?? reads.stock);
  if (!fast && pre?.stock) pre.stock.valid = false;
  // Every line's level and the packs above them, locked up front in one global order.
  if (!fast) await lockExitChain(tx, stockLines.map((l) => l.productId), register.warehouse_id);
  const exits: Map<number, LineExit> =
    fast?.exits ?? (await exitSaleStock(tx, stockLines, { id: input.id, warehouseId: register.warehouse_id, allowNegative }, { userId: actor.userId }));
  const stockConflict = opts.mode === "offline" && [...exits.values()].some((e) => new Decimal(e.shortfall).gt(0));
  // Offline: accepted, but a price the product never had while the terminal could have been
  // offline, or a product already inactive then, is flagged for the supervisor.
  const catalogFlags = soldAt
    ? pre
      ? pre.catalogFlags
      : await findCatalogConflicts(tx, soldAt, lines.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, unitPrice: l.unitPrice })))
    : [];

  const costTotal = sum([...exits.values()].map((e) => e.costTotal));
  // A charge is invoiced later (checkout or a billing batch), never at the till.
  const fiscalStatus = register.fiscal_enabled && !charge ? "PENDING" : "NOT_REQUIRED";
  const perMethod = new Map<PaymentMethod, Decimal>();
  for (const p of payments.rows) perMethod.set(p.method, (perMethod.get(p.method) ?? ZERO).plus(p.applied));
  const movements = [...perMethod].filter(([, amount]) => !amount.isZero());
  const t = session.tenant_id;

  // The fiscal request is a PENDING row in this same transaction (no network).
  let fiscalDocumentId: string | null = null;
  if (fiscalStatus === "PENDING") {
    fiscalDocumentId = await requestSaleFiscalDocument(tx, {
      saleId: input.id,
      registerId: input.registerId,
      pointOfSale: register.afip_point_of_sale,
      customerId,
      lines: lines.map((l) => ({ description: l.product.name, quantity: l.quantity, lineTotal: l.total, ivaRate: l.product.iva_rate, isService: l.product.is_service })),
      ticketDiscount,
      total,
    });
  }

  const ticketNumber = await writeSale(
    tx,
    {
      id: input.id,
      tenantId: t,
      registerId: input.registerId,
      cashSessionId: session.id,
      warehouseId: register.warehouse_id,
      customerId,
      cashierId: actor.userId,
      mode: opts.mode === "offline" ? "OFFLINE" : "ONLINE",
      subtotal: subtotal.toFixed(2),
      discount: ticketDiscount.toFixed(2),
      total: total.toFixed(2),
      paid: payments.paid.toFixed(2),
      change: payments.change.toFixed(2),
      costTotal: costTotal.toFixed(2),
      stockConflict,
      fiscalStatus,
      fiscalDocumentId,
      soldAt,
    },
    lines.map((l) => ({
      lineNo: l.lineNo,
      productId: l.product.id,
      description: l.product.name,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount,
      total: l.total,
      ivaRate: l.product.iva_rate,
      exit: exits.get(l.lineNo),
    })),
    payments.rows,
    movements,
    fast?.writes ?? NO_STOCK_WRITES,
  );

  if (charge) {
    // The charge's day on the business's calendar (its time zone), as the reports count it.
    const [day] = await tx.execute<{ d: string }>(sql`select (${input.createdAt}::timestamptz at time zone reports_tz())::date::text as d`);
    await recordSaleCharge(
      tx,
      {
        saleId: input.id,
        ticketNumber,
        chargedOn: day!.d,
        charge,
        total: total.toFixed(2),
        lines: lines.map((l) => ({
          description: l.product.name,
          quantity: l.quantity.toFixed(3),
          unitPrice: l.unitPrice.toFixed(4),
          lineTotal: l.total.toFixed(2),
          ivaRate: l.product.iva_rate,
          isService: l.product.is_service,
        })),
      },
      actor,
    );
  }

  if (stockConflict) {
    await tx.insert(stockConflicts).values(
      lines
        .filter((l) => new Decimal(exits.get(l.lineNo)?.shortfall ?? 0).gt(0))
        .map((l) => ({
          saleId: input.id,
          lineNo: l.lineNo,
          productId: l.product.id,
          warehouseId: register.warehouse_id,
          requested: l.quantity.toFixed(3),
          shortfall: new Decimal(exits.get(l.lineNo)!.shortfall).toFixed(3),
        })),
    );
  }

  if (catalogFlags.length > 0) {
    await tx.insert(catalogConflicts).values(
      catalogFlags.map((f) => ({
        saleId: input.id,
        lineNo: f.lineNo,
        productId: f.productId,
        kind: f.kind,
        chargedPrice: f.chargedPrice,
        catalogPrice: f.catalogPrice,
        cashierId: actor.userId,
      })),
    );
  }

  return {
    saleId: input.id,
    ticketNumber,
    total: total.toFixed(2),
    change: payments.change.toFixed(2),
    status: "CREATED",
    stockConflict,
    catalogConflict: catalogFlags.length > 0,
    fiscalDocumentId,
  };
}

