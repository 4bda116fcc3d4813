import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client";
import { productBarcodes, products } from "../db/schema/inventory";
import { AppError, isUniqueViolation } from "../errors/app-error";
import type { Actor } from "../inventory/ledger";
import { productColumns, ZProductInput, type TProductInput } from "@/lib/schemas/product";

const pgCode = (e: unknown): string | undefined => {
  const err = e as { code?: string; cause?: unknown } | null;
  return err?.code ?? (err?.cause ? pgCode(err.cause) : undefined);
};

/** Turns unique violations on SKU / barcode into field errors the dialog can show. */
export function productConflict(e: unknown): never {
  if (isUniqueViolation(e, "products_sku_key")) throw new AppError("CONFLICT", "Ya existe un producto con ese SKU.", { field: "sku" });
  if (isUniqueViolation(e, "product_barcodes_barcode_key"))
    throw new AppError("CONFLICT", "Ese código de barras ya está asignado a otro producto.", { field: "barcodes" });
  if (pgCode(e) === "23503") throw new AppError("VALIDATION", "La categoría o la familia elegida no existe.", { field: "categoryId" });
  throw e;
}

export async function createProduct(tx: Tx, raw: TProductInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZProductInput.parse(raw);
  const id = randomUUID();
  try {
    await tx.insert(products).values({
      id,
      ...productColumns(v),
    });
    if (v.barcodes.length) {
      await tx.insert(productBarcodes).values(v.barcodes.map((barcode) => ({ productId: id, barcode })));
    }
  } catch (e) {
    productConflict(e);
  }
  return { id };
}
