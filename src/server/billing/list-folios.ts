import "server-only";
import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import type { ChargeLine } from "../db/schema/billing";
import { amountsByRate } from "./charge-lines";

export type FolioRow = {
  id: string;
  roomNumber: string;
  guestName: string;
  guestDocNumber: string | null;
  checkIn: string;
  checkOut: string;
  customerId: string | null;
  customerName: string | null;
  status: "OPEN" | "CLOSED_PAID" | "CLOSED_ACCOUNT";
  total: string;
  charges: number;
};

const folioSelect = sql`
  select f.id, f.room_number as "roomNumber", f.guest_name as "guestName", f.guest_doc_number as "guestDocNumber",
    f.check_in::text as "checkIn", f.check_out::text as "checkOut", f.customer_id as "customerId", c.name as "customerName", f.status,
    coalesce(sum(ch.total) filter (where ch.status in ('ON_FOLIO', 'PENDING', 'INVOICING', 'INVOICED', 'PAID_AT_CHECKOUT')), 0)::numeric(14,2)::text as total,
    count(ch.id) filter (where ch.status not in ('VOIDED', 'CANCELLED'))::int as charges
  from folios f left join customers c on c.id = f.customer_id left join billing_charges ch on ch.folio_id = f.id`;

const ZFolioRow = z.object({
  id: z.uuid(),
  roomNumber: z.string(),
  guestName: z.string(),
  guestDocNumber: z.string().nullable(),
  checkIn: z.string(),
  checkOut: z.string(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  status: z.enum(["OPEN", "CLOSED_PAID", "CLOSED_ACCOUNT"]),
  total: z.string(),
  charges: z.number(),
});

export const ZListFoliosResponse = z.array(ZFolioRow);
export type TListFoliosResponse = z.infer<typeof ZListFoliosResponse>;

export const ZListOpenFoliosResponse = z.array(z.object({ id: z.uuid(), roomNumber: z.string(), guestName: z.string() }));
export type TListOpenFoliosResponse = z.infer<typeof ZListOpenFoliosResponse>;

export const ZGetFolioResponse = z.object({
  folio: ZFolioRow,
  charges: z.array(
    z.object({
      byRate: z.array(z.object({ rate: z.string(), total: z.string() })),
      description: z.string(),
      id: z.uuid(),
      status: z.string(),
      reason: z.string().nullable(),
      saleId: z.uuid().nullable(),
      lines: z.array(
        z.object({
          description: z.string(),
          quantity: z.string(),
          unitPrice: z.string(),
          lineTotal: z.string(),
          ivaRate: z.string(),
          isService: z.boolean(),
        }),
      ),
      total: z.string(),
      chargedOn: z.string(),
      source: z.enum(["MANUAL", "ACCOUNT_SALE", "ROOM_SALE"]),
    }),
  ),
});
export type TGetFolioResponse = z.infer<typeof ZGetFolioResponse>;

/** Folios: the open ones first (the POS lists these for "cargo a habitación"). */
export async function listFolios(tx: Tx, input: { status?: "OPEN" | "CLOSED"; search?: string } = {}) {
  const q = input.search?.trim();
  const rows = await tx.execute<FolioRow>(sql`${folioSelect}
    where true
      ${input.status === "OPEN" ? sql`and f.status = 'OPEN'` : input.status === "CLOSED" ? sql`and f.status <> 'OPEN'` : sql``}
      ${q ? sql`and (f.room_number ilike ${q + "%"} or f.guest_name ilike ${"%" + q + "%"})` : sql``}
    group by f.tenant_id, f.id, c.name
    order by (f.status = 'OPEN') desc, f.room_number, f.opened_at desc limit 300`);
  return [...rows];
}

/** Open folios for "cargo a habitación" at the POS: only what the cashier picks by. */
export async function listOpenFolios(tx: Tx): Promise<TListOpenFoliosResponse> {
  return (await listFolios(tx, { status: "OPEN" })).map((f) => ({ id: f.id, roomNumber: f.roomNumber, guestName: f.guestName }));
}

export type FolioChargeRow = {
  id: string;
  source: "ACCOUNT_SALE" | "ROOM_SALE" | "MANUAL";
  status: string;
  description: string;
  total: string;
  chargedOn: string;
  saleId: string | null;
  reason: string | null;
  lines: ChargeLine[];
  byRate: { rate: string; total: string }[];
};

export async function getFolio(tx: Tx, id: string) {
  const [folio] = await tx.execute<FolioRow>(sql`${folioSelect} where f.id = ${id} group by f.tenant_id, f.id, c.name`);
  if (!folio) throw new AppError("NOT_FOUND", "El folio no existe.");
  const charges = await tx.execute<Omit<FolioChargeRow, "byRate">>(sql`
    select id, source, status, description, total::text, charged_on::text as "chargedOn", sale_id as "saleId", reason, lines
    from billing_charges where folio_id = ${id} order by charged_on, created_at`);
  return { folio, charges: charges.map((c) => ({ ...c, byRate: amountsByRate(c.lines) })) };
}
