import { randomUUID } from "node:crypto";
import { withTenant } from "../server/db/with-tenant";
import { createSupplier } from "../server/purchasing/save-supplier";
import { createFamily } from "../server/catalog/create-family";
import { receiveStock } from "../server/inventory/receive-stock";

const WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** A valid CUIT from a 2-digit prefix and 8 digits (check digit computed). */
export function cuitFor(prefix: string, dni: string): string {
  const body = prefix + dni.padStart(8, "0");
  const sum = WEIGHTS.reduce((a, w, i) => a + w * Number(body[i]), 0);
  const mod = 11 - (sum % 11);
  // A computed 10 has no valid check digit with this prefix (ARCA assigns 23/24/33/34 instead).
  if (mod === 10) throw new RangeError(`no valid CUIT with prefix ${prefix} for ${dni}`);
  return body + String(mod === 11 ? 0 : mod);
}

/** A valid random CUIT (numbers whose check value would be 10 are skipped). */
export function randomCuit(): string {
  for (;;) {
    try {
      return cuitFor("30", String(Math.floor(Math.random() * 1e8)));
    } catch {
      // try another number
    }
  }
}

export async function makeSupplier(tenantId: string, overrides: { name?: string; paymentTermsDays?: number; cuit?: string } = {}) {
  const { id } = await withTenant(tenantId, (tx) =>
    createSupplier(
      tx,
      { name: overrides.name ?? `Proveedor ${randomUUID().slice(0, 6)}`, cuit: overrides.cuit ?? randomCuit(), paymentTermsDays: overrides.paymentTermsDays ?? 30 },
      { userId: null },
    ),
  );
  return id;
}

export async function makeFamily(tenantId: string, name: string, baseUnit: "g" | "ml" | "unit", targetStock: string) {
  const { id } = await withTenant(tenantId, (tx) => createFamily(tx, { name, baseUnit, targetStock }, { userId: null }));
  return id;
}

export async function addStock(tenantId: string, productId: string, warehouseId: string, quantity: string, unitCost = "10") {
  return withTenant(tenantId, (tx) => receiveStock(tx, { productId, warehouseId, quantity, unitCost }, { userId: null }));
}
