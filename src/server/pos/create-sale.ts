import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { stockConflicts, type ConsumedLot } from "../db/schema/pos";
import { AppError } from "../errors/app-error";
import { lockExitChain } from "../inventory/lock-exit-chain";
import { exitStock } from "../inventory/exit-stock";
import { Decimal, ZERO, sum } from "@/lib/decimal";
import type { PaymentMethod, TSaleInput, TSaleResult } from "@/lib/schemas/sale";
import { requestSaleFiscalDocument } from "./fiscal-link";
import { authorizeSaleCharge } from "../billing/authorize-sale-charge";
import { recordSaleCharge } from "../billing/record-sale-charge";
import { catalogConflicts } from "../db/schema/security";
import { findCatalogConflicts, saleTimeWithinSession } from "./catalog-conflicts";

export type CreateSaleActor = { userId: string; canReview?: boolean; ip?: string };
export type CreateSaleOptions = {
  mode: "online" | "offline";
  /** Tenant setting; read from the tenant row when not given. */
  allowNegativeStock?: boolean;
};
export type CreateSaleResult = TSaleResult & { fiscalDocumentId: string | null; catalogConflict?: boolean };

type SessionAndRegister = {
  id: string;
  tenant_id: string;
  register_id: string;
  status: "OPEN" | "CLOSED";
  opened_by: string;
  opened_at: Date;
  warehouse_id: string;
  fiscal_enabled: boolean;
  afip_point_of_sale: number;
};
type ProductRow = { id: string; name: string; sale_price: string; iva_rate: string; is_service: boolean; active: boolean };

/**
 * Rings a sale in ONE transaction (the caller's): sale, lines with the price at sale time,
 * stock exits through the inventory service (auto-unpack, cost of goods per line),
 * payments with change for cash, cash movements, the gapless ticket number, and the
 * fiscal request (a PENDING row, no network). Idempotent by the client's UUID: a replay,
 * even concurrent with the first submission, returns the first result.
 */
export async function createSale(tx: Tx, input: TSaleInput, actor: CreateSaleActor, opts: CreateSaleOptions): Promise<CreateSaleResult> {
  // One round trip: serialize submissions of the same UUID (advisory lock) and read the
  // session + register, holding the session FOR SHARE so a closing waits for this sale.
  const [session] = await tx.execute<SessionAndRegister>(sql`
    select s.id, s.tenant_id, s.register_id, s.status, s.opened_by, s.opened_at, r.warehouse_id, r.fiscal_enabled, r.afip_point_of_sale
    from (select pg_advisory_xact_lock(hashtextextended(${"sale:" + input.id}, 0))) l,
         cash_sessions s join registers r on r.tenant_id = s.tenant_id and r.id = s.register_id
    where s.id = ${input.cashSessionId}
    for share of s`);
  // A new statement, so a first submission that committed while we waited is visible now.
  const existing = await findSaleResult(tx, input.id);
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

  const allowNegative =
    opts.mode === "offline" ||
    (opts.allowNegativeStock ??
      (await tx.execute<{ allow: boolean | null }>(sql`select (settings->>'allowNegativeStock')::boolean as allow from tenants`))[0]
        ?.allow ??
      false);

  if (input.customerId) {
    const [c] = await tx.execute(sql`select 1 from customers where id = ${input.customerId} and active`);
    if (!c) throw new AppError("NOT_FOUND", "El cliente elegido no existe.", { field: "customerId" });
  }

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

  // Charged to an account or a room instead of paid: checked (and locked) before stock moves.
  const charge = input.charge ? await authorizeSaleCharge(tx, input.charge, total, actor) : null;
  const payments = charge ? { paid: ZERO, change: ZERO, rows: [] } : applyPayments(input.payments, total);
  const customerId = input.customerId ?? (charge?.kind === "ACCOUNT" ? charge.customerId : null);

  // Stock exits, in product order so concurrent sales lock lots in the same order.
  const stocked = lines.filter((l) => !l.product.is_service).sort((a, b) => a.product.id.localeCompare(b.product.id));
  const exits = new Map<number, { costTotal: string; lots: ConsumedLot[]; shortfall: string }>();
  // Every line's level and the packs above them, locked up front in one global order.
  await lockExitChain(tx, stocked.map((l) => l.product.id), register.warehouse_id);
  for (const l of stocked) {
    const r = await exitStock(
      tx,
      {
        productId: l.product.id,
        warehouseId: register.warehouse_id,
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
  // Offline: accepted, but a price the product never had while the terminal could have been
  // offline, or a product already inactive then, is flagged for the supervisor.
  const catalogFlags = soldAt
    ? await findCatalogConflicts(tx, soldAt, lines.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, unitPrice: l.unitPrice })))
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

  // One statement writes the ticket number, sale, lines, payments and cash movements. The
  // counter row comes last in the transaction: its lock serializes sales per register, so
  // it is held only for this final step. Foreign keys are checked at the statement's end.
  const lineValues = sql.join(
    lines.map((l) => {
      const e = exits.get(l.lineNo);
      return sql`(${t}::uuid, ${input.id}::uuid, ${l.lineNo}::int, ${l.product.id}::uuid, ${l.product.name}::text,
        ${l.quantity.toFixed(3)}::numeric, ${l.unitPrice.toFixed(4)}::numeric, ${l.discount.toFixed(2)}::numeric, ${l.total.toFixed(2)}::numeric,
        ${l.product.iva_rate}::numeric, ${new Decimal(e?.costTotal ?? 0).toFixed(2)}::numeric, ${JSON.stringify(e?.lots ?? [])}::jsonb,
        ${new Decimal(e?.shortfall ?? 0).toFixed(3)}::numeric)`;
    }),
    sql`, `,
  );
  const paymentInsert =
    payments.rows.length > 0
      ? sql`, p as (
      insert into sale_payments (tenant_id, sale_id, line_no, method, amount, applied)
      select v.* from (values ${sql.join(
        payments.rows.map(
          (p, i) => sql`(${t}::uuid, ${input.id}::uuid, ${i + 1}::int, ${p.method}::pos_payment_method, ${p.amount}::numeric, ${p.applied}::numeric)`,
        ),
        sql`, `,
      )}) v, s
    )`
      : sql``;
  const movementInsert =
    movements.length > 0
      ? sql`, m as (
          insert into cash_movements (tenant_id, cash_session_id, type, method, amount, sale_id, created_by)
          select v.* from (values ${sql.join(
            movements.map(
              ([method, amount]) =>
                sql`(${t}::uuid, ${session.id}::uuid, 'SALE'::pos_cash_movement_type, ${method}::pos_payment_method, ${amount.toFixed(2)}::numeric, ${input.id}::uuid, ${actor.userId}::uuid)`,
            ),
            sql`, `,
          )}) v, s)`
      : sql``;
  const [written] = await tx.execute<{ last_number: number }>(sql`
    with c as (
      insert into register_ticket_counters (tenant_id, register_id, last_number) values (${t}, ${input.registerId}, 1)
      on conflict (tenant_id, register_id) do update set last_number = register_ticket_counters.last_number + 1
      returning last_number
    ), s as (
      insert into sales (tenant_id, id, register_id, cash_session_id, warehouse_id, ticket_number, customer_id, cashier_id, mode,
        subtotal, discount, total, paid, change, cost_total, stock_conflict, fiscal_status, fiscal_document_id, created_at)
      select ${t}, ${input.id}, ${input.registerId}, ${session.id}, ${register.warehouse_id}, c.last_number, ${customerId}::uuid,
        ${actor.userId}, ${opts.mode === "offline" ? "OFFLINE" : "ONLINE"}::pos_sale_mode, ${subtotal.toFixed(2)}, ${ticketDiscount.toFixed(2)},
        ${total.toFixed(2)}, ${payments.paid.toFixed(2)}, ${payments.change.toFixed(2)}, ${costTotal.toFixed(2)}, ${stockConflict},
        ${fiscalStatus}::pos_sale_fiscal_status, ${fiscalDocumentId}::uuid, ${soldAt ? sql`${soldAt.toISOString()}::timestamptz` : sql`now()`}
      from c
      returning id
    ), l as (
      insert into sale_lines (tenant_id, sale_id, line_no, product_id, description, quantity, unit_price, discount, total, iva_rate,
        cost_total, lots, shortfall)
      select v.* from (values ${lineValues}) v, s
    )${paymentInsert}${movementInsert}
    select last_number from c`);
  const ticketNumber = written!.last_number;

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
  const [row] = await tx.execute<{ ticket_number: number; total: string; change: string; stock_conflict: boolean; catalog_conflict: boolean }>(
    sql`select ticket_number, total, change, stock_conflict,
          exists(select 1 from catalog_conflicts c where c.tenant_id = sales.tenant_id and c.sale_id = sales.id) as catalog_conflict
        from sales where id = ${saleId}`,
  );
  if (!row) return null;
  return {
    saleId,
    ticketNumber: row.ticket_number,
    total: row.total,
    change: row.change,
    status: "DUPLICATE",
    stockConflict: row.stock_conflict,
    catalogConflict: row.catalog_conflict,
    fiscalDocumentId: null, // already requested by the first submission; never send its event twice
  };
}
