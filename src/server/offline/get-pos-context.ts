import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import type { PosContext } from "@/lib/schemas/pos-wire";

/**
 * What the terminal keeps for offline reloads: the ticket header (legal name, CUIT, address,
 * IVA condition) and the registers with their open session. With a flagged second session on
 * a register (opened offline), the caller's own one is shown first.
 */
export async function getPosContext(tx: Tx, userId: string): Promise<Pick<PosContext, "business" | "registers">> {
  const [fiscal] = await tx.execute<{ legal_name: string; cuit: string; address: string | null; iva_condition: string }>(sql`
    select legal_name, cuit, address, iva_condition from fiscal_settings limit 1`);
  const rows = await tx.execute<{
    id: string;
    name: string;
    afip_point_of_sale: number;
    fiscal_enabled: boolean;
    auto_print: boolean;
    cash_session_id: string | null;
    opened_by: string | null;
    opened_by_name: string | null;
  }>(sql`
    select r.id, r.name, r.afip_point_of_sale, r.fiscal_enabled, r.auto_print,
           s.id as cash_session_id, s.opened_by, u.name as opened_by_name
    from registers r
    left join lateral (
      select id, opened_by from cash_sessions
      where tenant_id = r.tenant_id and register_id = r.id and status = 'OPEN'
      order by (opened_by = ${userId}) desc, open_conflict, opened_at
      limit 1) s on true
    left join users u on u.id = s.opened_by
    where r.active
    order by r.name`);
  return {
    business: {
      legalName: fiscal?.legal_name ?? null,
      cuit: fiscal?.cuit ?? null,
      address: fiscal?.address ?? null,
      ivaCondition: fiscal?.iva_condition ?? null,
    },
    registers: rows.map((r) => ({
      id: r.id,
      name: r.name,
      afipPointOfSale: r.afip_point_of_sale,
      fiscalEnabled: r.fiscal_enabled,
      autoPrint: r.auto_print,
      cashSessionId: r.cash_session_id,
      // Only the caller's own id ever goes out (issue 11): "is it mine?" without naming others by id.
      openedBy: r.opened_by === userId ? r.opened_by : null,
      openedByName: r.opened_by_name,
    })),
  };
}

/** The terminal's local copy of customers (for Factura A): active ones, newest first, capped. */
export async function listPosCustomers(tx: Tx, limit = 5000) {
  const rows = await tx.execute<{ id: string; doc_type: string; doc_number: string; name: string; iva_condition: string; address: string | null }>(sql`
    select id, doc_type, doc_number, name, iva_condition, address from customers where active order by created_at desc limit ${limit}`);
  return rows.map((c) => ({ id: c.id, docType: c.doc_type, docNumber: c.doc_number, name: c.name, ivaCondition: c.iva_condition, address: c.address }));
}
