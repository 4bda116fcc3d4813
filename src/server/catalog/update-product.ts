import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { productBarcodes, products } from "../db/schema/inventory";
import { AppError } from "../errors/app-error";
import { TENANT, type Actor } from "../inventory/ledger";
import { productConflict } from "./create-product";
import { productColumns, ZProductInput, type TProductInput } from "@/lib/schemas/product";

/**
 * Edits a product; barcodes are replaced by the given list. Metadata is replaced only when the
 * edit sends it: the product form does not show it, and an edit must not wipe what an import or
 * an integration stored there.
 */
export async function updateProduct(tx: Tx, id: string, raw: TProductInput, _actor: Actor): Promise<{ id: string }> {
  const v = ZProductInput.parse(raw);
  try {
    const rows = await tx
      .update(products)
      .set({
        ...withoutMetadataUnlessSent(productColumns(v), raw),
        updatedAt: sql`now()`,
      })
      .where(and(eq(products.tenantId, TENANT), eq(products.id, id)))
      .returning({ id: products.id });
    if (rows.length === 0) throw new AppError("NOT_FOUND", "El producto no existe.", { productId: id });
    await tx.delete(productBarcodes).where(and(eq(productBarcodes.tenantId, TENANT), eq(productBarcodes.productId, id)));
    if (v.barcodes.length) {
      await tx.insert(productBarcodes).values(v.barcodes.map((barcode) => ({ productId: id, barcode })));
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    productConflict(e);
  }
  return { id };
}

function withoutMetadataUnlessSent<T extends { metadata: unknown }>(columns: T, raw: TProductInput): Omit<T, "metadata"> | T {
  if (raw.metadata !== undefined) return columns;
  const { metadata: _kept, ...rest } = columns;
  return rest;
}
