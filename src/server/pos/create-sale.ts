import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { cashMovements, saleLines, salePayments, sales, stockConflicts, type ConsumedLot } from "../db/schema/pos";
import { AppError } from "../errors/app-error";
import { exitStock } from "../inventory/exit-stock";
import { Decimal, ZERO, sum } from "@/lib/decimal";
import type { PaymentMethod, TSaleInput, TSaleResult } from "@/lib/schemas/sale";
import { assertOwnSession, loadSession } from "../cash/load-session";
import { requestSaleFiscalDocument } from "./fiscal-link";

export type CreateSaleActor = { userId: string; canReview?: boolean };
export type CreateSaleOptions = {
  mode: "online" | "offline";
  /** Tenant setting; read from the tenant row when not given. */
  allowNegativeStock?: boolean;
};
export type CreateSaleResult = TSaleResult & { fiscalDocumentId: string | null };

type ProductRow = { id: string; name: string; sale_price: string; iva_rate: string; is_service: boolean; active: boolean };

/**
 * Rings a sale in ONE transaction (the caller's): sale, lines with the price at sale time,
 * stock exits through the inventory service (auto-unpack, cost of goods per line),
 * payments with change for cash, cash movements, the gapless ticket number, and the
 * fiscal request (a PENDING row, no network). Idempotent by the client's UUID: a replay,
 * even concurrent with the first submission, returns the first result.
 */
export async function createSale(tx: Tx, input: TSaleInput, actor: CreateSaleActor, opts: CreateSaleOptions): Promise<CreateSaleResult> {
  // Serialize submissions of the same UUID; the second one waits and then sees the first.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${"sale:" + input.id}, 0))`);
  const existing = await findSaleResult(tx, input.id);
  if (existing) return existing;

  const session = await loadSession(tx, input.cashSessionId, "share");
  if (session.register_id !== input.registerId) {
    throw new AppError("VALIDATION", "La sesión de caja no corresponde a esa caja.");
  }
  if (session.status !== "OPEN") throw new AppError("INVALID_STATE", "La sesión de caja está cerrada: abrí la caja para vender.");
  if (opts.mode === "online") assertOwnSession(session, actor);

  const [register] = await tx.execute<{ warehouse_id: string; fiscal_enabled: boolean; afip_point_of_sale: number }>(
    sql`select warehouse_id, fiscal_enabled, afip_point_of_sale from registers where id = ${input.registerId}`,
  );
  const allowNegative =
    opts.mode === "offline" ||
    (opts.allowNegativeStock ??
      (await tx.execute<{ allow: boolean | null }>(sql`select (settings->>'allowNegativeStock')::boolean as allow from tenants`))[0]
        ?.allow ??
      false);

  // Products, prices and totals.
  const ids = [...new Set(input.lines.map((l) => l.productId))];
  const rows = await tx.execute<ProductRow>(sql`
    select id, name, sale_price, iva_rate, is_service, active from products
    where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  const byId = new Map(rows.map((p) => [p.id, p]));
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

  const payments = applyPayments(input.payments, total);

  // Stock exits, in product order so concurrent sales lock lots in the same order.
  const stocked = lines.filter((l) => !l.product.is_service).sort((a, b) => a.product.id.localeCompare(b.product.id));
  const exits = new Map<number, { costTotal: string; lots: ConsumedLot[]; shortfall: string }>();
  for (const l of stocked) {
    const r = await exitStock(
      tx,
      {
        productId: l.product.id,
        warehouseId: register!.warehouse_id,
        quantity: l.quantity.toFixed(3),
        movementType: "SALE",
        destinationType: "CUSTOMER",
        sourceType: "SALE",
        sourceId: input.id,
        allowNegative,
      },
      { userId: actor.userId },
    );
    exits.set(l.lineNo, { costTotal: r.costTotal, lots: r.lines, shortfall: r.shortfall });
  }
  const stockConflict = opts.mode === "offline" && [...exits.values()].some((e) => new Decimal(e.shortfall).gt(0));

  // Ticket number last: the counter row lock serializes sales per register, so hold it briefly.
  const [counter] = await tx.execute<{ last_number: number }>(sql`
    insert into register_ticket_counters (tenant_id, register_id, last_number)
    values (${session.tenant_id}, ${input.registerId}, 1)
    on conflict (tenant_id, register_id) do update set last_number = register_ticket_counters.last_number + 1
    returning last_number`);
  const ticketNumber = counter!.last_number;
  const costTotal = sum([...exits.values()].map((e) => e.costTotal));
  const fiscalStatus = register!.fiscal_enabled ? "PENDING" : "NOT_REQUIRED";

  await tx.insert(sales).values({
    tenantId: session.tenant_id,
    id: input.id,
    registerId: input.registerId,
    cashSessionId: session.id,
    warehouseId: register!.warehouse_id,
    ticketNumber,
    customerId: input.customerId ?? null,
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
    createdAt: new Date(input.createdAt),
  });
  await tx.insert(saleLines).values(
    lines.map((l) => {
      const e = exits.get(l.lineNo);
      return {
        tenantId: session.tenant_id,
        saleId: input.id,
        lineNo: l.lineNo,
        productId: l.product.id,
        description: l.product.name,
        quantity: l.quantity.toFixed(3),
        unitPrice: l.unitPrice.toFixed(4),
        discount: l.discount.toFixed(2),
        total: l.total.toFixed(2),
        ivaRate: l.product.iva_rate,
        costTotal: new Decimal(e?.costTotal ?? 0).toFixed(2),
        lots: e?.lots ?? [],
        shortfall: new Decimal(e?.shortfall ?? 0).toFixed(3),
      };
    }),
  );
  await tx.insert(salePayments).values(
    payments.rows.map((p, i) => ({ tenantId: session.tenant_id, saleId: input.id, lineNo: i + 1, ...p })),
  );
  const perMethod = new Map<PaymentMethod, Decimal>();
  for (const p of payments.rows) perMethod.set(p.method, (perMethod.get(p.method) ?? ZERO).plus(p.applied));
  const movements = [...perMethod].filter(([, amount]) => !amount.isZero());
  if (movements.length > 0) {
    await tx.insert(cashMovements).values(
      movements.map(([method, amount]) => ({
        tenantId: session.tenant_id,
        cashSessionId: session.id,
        type: "SALE" as const,
        method,
        amount: amount.toFixed(2),
        saleId: input.id,
        createdBy: actor.userId,
      })),
    );
  }
  if (stockConflict) {
    await tx.insert(stockConflicts).values(
      lines
        .filter((l) => new Decimal(exits.get(l.lineNo)?.shortfall ?? 0).gt(0))
        .map((l) => ({
          tenantId: session.tenant_id,
          saleId: input.id,
          lineNo: l.lineNo,
          productId: l.product.id,
          warehouseId: register!.warehouse_id,
          requested: l.quantity.toFixed(3),
          shortfall: new Decimal(exits.get(l.lineNo)!.shortfall).toFixed(3),
        })),
    );
  }

  let fiscalDocumentId: string | null = null;
  if (fiscalStatus === "PENDING") {
    fiscalDocumentId = await requestSaleFiscalDocument(tx, {
      saleId: input.id,
      registerId: input.registerId,
      pointOfSale: register!.afip_point_of_sale,
      customerId: input.customerId ?? null,
      lines: lines.map((l) => ({ description: l.product.name, quantity: l.quantity, lineTotal: l.total, ivaRate: l.product.iva_rate })),
      ticketDiscount,
      total,
    });
  }

  return {
    saleId: input.id,
    ticketNumber,
    total: total.toFixed(2),
    change: payments.change.toFixed(2),
    status: "CREATED",
    stockConflict,
    fiscalDocumentId,
  };
}

/**
 * Payments: card and transfer amounts are taken as tendered and may not exceed what is owed;
 * cash may exceed it and the excess is the change (taken off the last cash payments).
 */
export function applyPayments(input: TSaleInput["payments"], total: Decimal) {
  const rows = input.map((p) => ({ method: p.method, amount: new Decimal(p.amount), applied: new Decimal(p.amount) }));
  const paid = sum(rows.map((r) => r.amount));
  const nonCash = sum(rows.filter((r) => r.method !== "CASH").map((r) => r.amount));
  if (nonCash.gt(total)) {
    throw new AppError("VALIDATION", "Los pagos con tarjeta o transferencia superan el total: solo el efectivo da vuelto.");
  }
  if (paid.lt(total)) {
    throw new AppError("VALIDATION", `Falta cobrar $ ${total.minus(paid).toFixed(2)}.`, { missing: total.minus(paid).toFixed(2) });
  }
  const change = paid.minus(total);
  let left = change;
  for (let i = rows.length - 1; i >= 0 && left.gt(0); i--) {
    const r = rows[i]!;
    if (r.method !== "CASH") continue;
    const take = Decimal.min(r.applied, left);
    r.applied = r.applied.minus(take);
    left = left.minus(take);
  }
  return {
    paid,
    change,
    rows: rows.map((r) => ({ method: r.method, amount: r.amount.toFixed(2), applied: r.applied.toFixed(2) })),
  };
}

/** The stored result of a sale already committed (the idempotent replay answer). */
export async function findSaleResult(tx: Tx, saleId: string): Promise<CreateSaleResult | null> {
  const [row] = await tx.execute<{ ticket_number: number; total: string; change: string; stock_conflict: boolean; fiscal_document_id: string | null }>(
    sql`select ticket_number, total, change, stock_conflict, fiscal_document_id from sales where id = ${saleId}`,
  );
  if (!row) return null;
  return {
    saleId,
    ticketNumber: row.ticket_number,
    total: row.total,
    change: row.change,
    status: "DUPLICATE",
    stockConflict: row.stock_conflict,
    fiscalDocumentId: null, // already requested by the first submission; never send its event twice
  };
}
