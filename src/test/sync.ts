import { sql } from "drizzle-orm";
import type { Tx } from "../server/db/client";
import { withTenant } from "../server/db/with-tenant";
import { openSession, saleInput, seedProduct } from "../server/pos/test-helpers";
import { dec, money } from "../lib/decimal";
import type { TSaleInput } from "../lib/schemas/sale";
import { addMember, makeTenant } from "./factories";

// Offline sync test setup (sync-sales-batch, sync-sales-grouped, sync-rollup, sync-door): a
// shop whose cashier has a shift open on the shop's register, everything through the services.

/** A new tenant (see makeTenant) with a cashier, its register and a shift the cashier opened there. */
export async function makeSyncShop(name: string, openingFloat = "0.00") {
  const t = await makeTenant(name);
  const cashier = await addMember(t.tenantId, "CASHIER");
  const [register] = await withTenant(t.tenantId, (tx) => tx.execute<{ id: string }>(sql`select id from registers`));
  const registerId = register!.id;
  const sessionId = (await openSession(t.tenantId, cashier.userId, registerId, openingFloat)).id;
  const sale = (lines: TSaleInput["lines"], payments: TSaleInput["payments"], extra: Partial<TSaleInput> = {}) =>
    saleInput(registerId, sessionId, lines, payments, extra);
  return {
    ...t,
    cashier,
    registerId,
    sessionId,
    /** A transaction in the shop as the cashier: the runInTenant the sync doors take. */
    run: <T>(fn: (tx: Tx) => Promise<T>) => withTenant(t.tenantId, fn, { userId: cashier.userId }),
    /** A product created by the owner with `quantity` received at `unitCost` into the shop's warehouse. */
    product: (name: string, price: string, quantity: string, unitCost: string, barcode?: string) =>
      seedProduct(t.tenantId, t.ownerId, { name, price, barcode, stock: [{ warehouseId: t.warehouseId, quantity, unitCost }] }),
    /** A sale on the cashier's shift, created now. */
    sale,
    /** A one-line sale on the shift paid in cash: exactly, unless `paid` says otherwise. */
    cashSale: (productId: string, quantity: string, unitPrice: string, paid = money(dec(quantity).mul(unitPrice))) =>
      sale([{ productId, quantity, unitPrice }], [{ method: "CASH", amount: paid }]),
  };
}

export type SyncShop = Awaited<ReturnType<typeof makeSyncShop>>;
