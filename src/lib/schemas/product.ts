import { z } from "zod";
import { zCost, zMoney, zQuantity } from "./decimal";
import { ZJsonMetadata } from "./json-metadata";
import { Decimal, dec } from "../decimal";
import { barcodeProblem } from "../barcode";

// Shared by the create/edit product dialog (client) and the services (server).
export const ZProductInput = z
  .object({
    sku: z.string().trim().min(1, "Ingresá el SKU").max(40, "Máximo 40 caracteres"),
    name: z.string().trim().min(2, "Ingresá el nombre").max(160, "Máximo 160 caracteres"),
    description: z.string().trim().max(1000).optional().nullable(),
    categoryId: z.uuid().optional().nullable(),
    familyId: z.uuid().optional().nullable(),
    conversionFactor: zCost("Factor")
      .optional()
      .nullable(),
    unit: z.string().trim().min(1, "Ingresá la unidad").max(20).default("u"),
    salePrice: zMoney("Precio de venta"),
    ivaRate: z.enum(["0", "2.5", "5", "10.5", "21", "27"], { message: "Alícuota de IVA inválida" }).default("21"),
    stockMin: zQuantity("Stock mínimo", { emptyAsZero: true }).default("0"),
    stockIdeal: zQuantity("Stock ideal", { emptyAsZero: true }).default("0"),
    stockMax: zQuantity("Stock máximo", { emptyAsZero: true }).default("0"),
    isService: z.boolean().default(false),
    hasExpiry: z.boolean().default(false),
    trackBatches: z.boolean().default(false),
    metadata: ZJsonMetadata.default({}),
    active: z.boolean().default(true),
    barcodes: z
      .array(
        z
          .string()
          .trim()
          .max(40, "Máximo 40 caracteres")
          .superRefine((code, ctx) => {
            const problem = barcodeProblem(code);
            if (problem) ctx.addIssue({ code: "custom", message: problem });
          }),
      )
      .max(20)
      .default([]),
  })
  .superRefine((v, ctx) => {
    if (v.familyId && !(v.conversionFactor && dec(v.conversionFactor).gt(0))) {
      ctx.addIssue({ code: "custom", path: ["conversionFactor"], message: "Indicá cuántas unidades base de la familia trae (p. ej. 400)" });
    }
    const min = dec(v.stockMin);
    const ideal = dec(v.stockIdeal);
    const max = dec(v.stockMax);
    if (ideal.gt(0) && ideal.lt(min)) ctx.addIssue({ code: "custom", path: ["stockIdeal"], message: "El ideal no puede ser menor que el mínimo" });
    if (max.gt(0) && max.lt(Decimal.max(min, ideal)))
      ctx.addIssue({ code: "custom", path: ["stockMax"], message: "El máximo no puede ser menor que el mínimo ni el ideal" });
    if (new Set(v.barcodes).size !== v.barcodes.length)
      ctx.addIssue({ code: "custom", path: ["barcodes"], message: "Hay códigos de barras repetidos" });
  });
export type TProductInput = z.input<typeof ZProductInput>;
export type TProductValues = z.output<typeof ZProductInput>;

/** The product columns a create or an update writes, from validated input. */
export function productColumns(v: TProductValues) {
  return {
    sku: v.sku,
    name: v.name,
    description: v.description ?? null,
    categoryId: v.categoryId ?? null,
    familyId: v.familyId ?? null,
    conversionFactor: v.familyId ? v.conversionFactor! : null,
    unit: v.unit,
    salePrice: v.salePrice,
    ivaRate: v.ivaRate,
    stockMin: v.stockMin,
    stockIdeal: v.stockIdeal,
    stockMax: v.stockMax,
    isService: v.isService,
    hasExpiry: v.hasExpiry,
    trackBatches: v.trackBatches,
    metadata: v.metadata,
    active: v.active,
  };
}
