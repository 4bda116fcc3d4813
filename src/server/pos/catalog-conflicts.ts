import "server-only";
import { z } from "zod";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { catalogConflicts } from "../db/schema/security";
import { AppError } from "../errors/app-error";
import type { Decimal } from "@/lib/decimal";
import { TENANT } from "../inventory/ledger";

/** How long a terminal may have sold from its local catalog without reaching the server. */
export const OFFLINE_HORIZON_HOURS = 72;
/** Clock skew tolerated between a terminal and the server. */
const SKEW_MS = 5 * 60_000;

/** An offline sale's time must fall within its session: after it opened, not in the future. */
export const saleTimeWithinSession = (soldAt: Date, openedAt: Date, now: Date) =>
  soldAt.getTime() >= openedAt.getTime() - SKEW_MS && soldAt.getTime() <= now.getTime() + SKEW_MS;

export type CatalogFlag = { lineNo: number; productId: string; kind: "PRICE" | "INACTIVE"; chargedPrice: string; catalogPrice: string };

export const ZListCatalogConflictsResponse = z.array(
  z.object({
    id: z.uuid(),
    ticketNumber: z.number(),
    lineNo: z.number(),
    productName: z.string(),
    kind: z.enum(["PRICE", "INACTIVE"]),
    chargedPrice: z.string(),
    catalogPrice: z.string(),
    cashierName: z.string().nullable(),
    status: z.enum(["OPEN", "RESOLVED"]),
    resolution: z.string().nullable(),
    /** Timestamp text as raw SQL returns it. */
    createdAt: z.string(),
  }),
);
export type TListCatalogConflictsResponse = z.infer<typeof ZListCatalogConflictsResponse>;

/**
 * For each line of an offline sale: was the product inactive at the sale's time, and did it
 * ever have the charged price in the window the terminal could have been offline
 * ([soldAt − horizon, soldAt])? Uses product_price_history (kept by a trigger); a product
 * without history is judged by its current row.
 */
export async function findCatalogConflicts(tx: Tx, soldAt: Date, lines: { lineNo: number; productId: string; unitPrice: Decimal }[]): Promise<CatalogFlag[]> {
  const flags = await findCatalogConflictsMany(tx, lines.map((l) => ({ ...l, saleId: "", soldAt })));
  return flags.get("") ?? [];
}

/** The same check for the lines of many sales in one statement (a sync batch); flags by sale id. */
export async function findCatalogConflictsMany(
  tx: Tx,
  lines: { saleId: string; soldAt: Date; lineNo: number; productId: string; unitPrice: Decimal }[],
): Promise<Map<string, CatalogFlag[]>> {
  const out = new Map<string, CatalogFlag[]>();
  if (lines.length === 0) return out;
  const values = sql.join(
    lines.map((l) => sql`(${l.saleId}::text, ${l.soldAt.toISOString()}::timestamptz, ${l.lineNo}::int, ${l.productId}::uuid, ${l.unitPrice.toFixed(4)}::numeric)`),
    sql`, `,
  );
  const rows = await tx.execute<{ sale_id: string; line_no: number; product_id: string; price_ok: boolean; active_then: boolean; catalog_price: string; charged: string }>(sql`
    select v.sale_id, v.line_no, v.product_id, v.price::text as charged, p.sale_price::text as catalog_price,
      coalesce(
        (select bool_or(h.sale_price = v.price) from product_price_history h
          where h.tenant_id = ${TENANT} and h.product_id = v.product_id
            and h.valid_from <= v.at
            and coalesce(h.valid_to, 'infinity') >= v.at - make_interval(hours => ${OFFLINE_HORIZON_HOURS})),
        p.sale_price = v.price) as price_ok,
      coalesce(
        (select h.active from product_price_history h
          where h.tenant_id = ${TENANT} and h.product_id = v.product_id and h.valid_from <= v.at
          order by h.valid_from desc limit 1),
        p.active) as active_then
    from (values ${values}) v(sale_id, at, line_no, product_id, price)
    join products p on p.tenant_id = ${TENANT} and p.id = v.product_id`);
  for (const r of rows) {
    const base = { lineNo: r.line_no, productId: r.product_id, chargedPrice: r.charged, catalogPrice: r.catalog_price };
    const flags = out.get(r.sale_id) ?? [];
    if (!r.active_then) flags.push({ ...base, kind: "INACTIVE" });
    if (!r.price_ok) flags.push({ ...base, kind: "PRICE" });
    out.set(r.sale_id, flags);
  }
  return out;
}

/** Price/catalog conflicts for the supervisor's page, newest first. */
export async function listCatalogConflicts(tx: Tx, opts: { status?: "OPEN" | "RESOLVED"; limit?: number } = {}) {
  const rows = await tx.execute<{
    id: string;
    ticket_number: number;
    line_no: number;
    product_name: string;
    kind: "PRICE" | "INACTIVE";
    charged_price: string;
    catalog_price: string;
    cashier_name: string | null;
    status: "OPEN" | "RESOLVED";
    resolution: string | null;
    created_at: string;
  }>(sql`
    select c.id, s.ticket_number, c.line_no, p.name as product_name, c.kind, c.charged_price, c.catalog_price,
           u.name as cashier_name, c.status, c.resolution, c.created_at
    from catalog_conflicts c
    join sales s on s.tenant_id = c.tenant_id and s.id = c.sale_id
    join products p on p.tenant_id = c.tenant_id and p.id = c.product_id
    left join users u on u.id = c.cashier_id
    ${opts.status ? sql`where c.status = ${opts.status}` : sql``}
    order by c.created_at desc limit ${opts.limit ?? 100}`);
  return rows.map((r) => ({
    id: r.id,
    ticketNumber: r.ticket_number,
    lineNo: r.line_no,
    productName: r.product_name,
    kind: r.kind,
    chargedPrice: r.charged_price,
    catalogPrice: r.catalog_price,
    cashierName: r.cashier_name,
    status: r.status,
    resolution: r.resolution,
    createdAt: r.created_at,
  }));
}

export const ZResolveCatalogConflictInput = z.object({
  id: z.uuid(),
  resolution: z.string().trim().min(3, "Contá cómo se resolvió").max(500),
});

export async function resolveCatalogConflict(tx: Tx, input: z.infer<typeof ZResolveCatalogConflictInput>, actor: { userId: string }) {
  const [row] = await tx
    .update(catalogConflicts)
    .set({ status: "RESOLVED", resolution: input.resolution, resolvedBy: actor.userId, resolvedAt: sql`now()` })
    .where(and(eq(catalogConflicts.id, input.id), eq(catalogConflicts.status, "OPEN")))
    .returning({ id: catalogConflicts.id });
  if (!row) throw new AppError("INVALID_STATE", "Ese conflicto no existe o ya fue resuelto.");
  return { ok: true as const };
}
