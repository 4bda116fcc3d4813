import { randomUUID } from "node:crypto";
import { makeCuit } from "../lib/cuit";
import { withTenant } from "../server/db/with-tenant";
import { createSupplier } from "../server/purchasing/save-supplier";
import { createFamily } from "../server/catalog/create-family";
import { receiveStock } from "../server/inventory/receive-stock";

/** A valid CUIT from a 2-digit prefix and 8 digits (check digit computed by the one implementation). */
export function cuitFor(prefix: string, dni: string): string {
  const cuit = makeCuit(prefix, dni);
  if (!cuit) throw new Error(`${prefix}-${dni} has no valid check digit (ARCA would assign another prefix)`);
  return cuit;
}

export const randomCuit = (prefix = "30"): string => {
  for (;;) {
    const cuit = makeCuit(prefix, String(Math.floor(Math.random() * 1e8)));
    if (cuit) return cuit;
  }
};

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
