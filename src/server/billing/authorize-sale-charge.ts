import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { verifyCreditOverride } from "./credit-override";
import { Decimal } from "@/lib/decimal";
import { formatMoney } from "@/lib/format";
import type { TSaleCharge } from "@/lib/schemas/sale";
import { accountExposure } from "./account-exposure";

export type AuthorizedCharge =
  | { kind: "ACCOUNT"; customerId: string; authorizedBy: string | null }
  | { kind: "ROOM"; folioId: string; roomNumber: string };

/**
 * Checks a charge inside the sale's transaction, holding the lock that serializes charges:
 * the customer row (FOR UPDATE) so two sales on account cannot both pass the limit, or the
 * folio (FOR SHARE) so a checkout waits for the charge. Over the credit limit only with a
 * supervisor's signed grant (credit-override.ts: their credentials, not the cashier's own).
 */
export async function authorizeSaleCharge(tx: Tx, charge: TSaleCharge, total: Decimal, _actor: { userId: string; ip?: string }): Promise<AuthorizedCharge> {
  if (charge.kind === "ROOM") {
    const [f] = await tx.execute<{ room_number: string; status: string }>(sql`select room_number, status from folios where id = ${charge.folioId} for share`);
    if (!f) throw new AppError("NOT_FOUND", "El folio no existe.", { field: "folioId" });
    if (f.status !== "OPEN") throw new AppError("INVALID_STATE", `El folio de la habitación ${f.room_number} ya está cerrado.`);
    return { kind: "ROOM", folioId: charge.folioId, roomNumber: f.room_number };
  }
  const [c] = await tx.execute<{ name: string; active: boolean; account_enabled: boolean; credit_limit: string }>(
    sql`select name, active, account_enabled, credit_limit::text from customers where id = ${charge.customerId} for update`,
  );
  if (!c || !c.active) throw new AppError("NOT_FOUND", "El cliente elegido no existe.", { field: "customerId" });
  if (!c.account_enabled) throw new AppError("INVALID_STATE", `${c.name} no tiene cuenta corriente habilitada.`);
  const exposure = new Decimal(await accountExposure(tx, charge.customerId));
  const available = new Decimal(c.credit_limit).minus(exposure);
  if (total.lte(available)) return { kind: "ACCOUNT", customerId: charge.customerId, authorizedBy: null };
  if (!charge.override) {
    throw new AppError(
      "CONFLICT",
      `La venta supera el límite de crédito de ${c.name}: disponible ${formatMoney(Decimal.max(available, 0))}. Un supervisor puede autorizarla.`,
      { code: "CREDIT_LIMIT", available: Decimal.max(available, 0).toFixed(2) },
    );
  }
  const { supervisorId } = await verifyCreditOverride(tx, charge.override.grant, { customerId: charge.customerId, total });
  return { kind: "ACCOUNT", customerId: charge.customerId, authorizedBy: supervisorId };
}
