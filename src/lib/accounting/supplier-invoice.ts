import { z } from "zod";

// Supplier documents as ARCA codes them (client-safe: the form and the server share it).
export const SUPPLIER_DOC_TYPES = {
  1: { label: "Factura A", letter: "A", credit: false },
  2: { label: "Nota de Débito A", letter: "A", credit: false },
  3: { label: "Nota de Crédito A", letter: "A", credit: true },
  6: { label: "Factura B", letter: "B", credit: false },
  7: { label: "Nota de Débito B", letter: "B", credit: false },
  8: { label: "Nota de Crédito B", letter: "B", credit: true },
  11: { label: "Factura C", letter: "C", credit: false },
  12: { label: "Nota de Débito C", letter: "C", credit: false },
  13: { label: "Nota de Crédito C", letter: "C", credit: true },
  51: { label: "Factura M", letter: "M", credit: false },
  53: { label: "Nota de Crédito M", letter: "M", credit: true },
  81: { label: "Tique Factura A", letter: "A", credit: false },
  82: { label: "Tique Factura B", letter: "B", credit: false },
  83: { label: "Tique", letter: "B", credit: false },
} as const;
export type SupplierDocType = keyof typeof SUPPLIER_DOC_TYPES;
export const SUPPLIER_DOC_TYPE_CODES = Object.keys(SUPPLIER_DOC_TYPES).map(Number) as SupplierDocType[];
/** Only A and M documents discriminate IVA (the buyer's crédito fiscal). */
export const discriminatesVat = (cbteTipo: number) => {
  const t = SUPPLIER_DOC_TYPES[cbteTipo as SupplierDocType];
  return !!t && (t.letter === "A" || t.letter === "M");
};

/** IVA rates in percent → ARCA alícuota id. */
export const VAT_RATES = { "0": 3, "2.5": 9, "5": 8, "10.5": 4, "21": 5, "27": 6 } as const;
export type VatRate = keyof typeof VAT_RATES;

export const PERCEPTION_KINDS = {
  IVA: "Percepción de IVA",
  IIBB: "Percepción de Ingresos Brutos",
  MUNICIPAL: "Percepción municipal",
  NATIONAL: "Otros impuestos nacionales",
  INTERNAL: "Impuestos internos",
  OTHER: "Otros tributos",
} as const;
export type PerceptionKind = keyof typeof PERCEPTION_KINDS;

/** A non-negative amount with at most 2 decimals, already in canonical form ("1234.56"). */
const ZAmount = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .pipe(z.string().max(20).regex(/^\d{1,12}(\.\d{1,2})?$/, "Importe inválido"));

export const ZSupplierInvoiceInput = z.object({
  cbteTipo: z.coerce
    .number()
    .int()
    .refine((v) => v in SUPPLIER_DOC_TYPES, "Tipo de comprobante no admitido"),
  pointOfSale: z.coerce.number().int().min(0, "Punto de venta inválido").max(99999, "Punto de venta inválido"),
  number: z.coerce.number().int().min(1, "Número inválido").max(99999999, "Número inválido"),
  issueDate: z.iso.date("Fecha inválida"),
  /** Defaults to the supplier's CUIT. */
  supplierCuit: z.string().trim().max(20).optional().nullable(),
  vat: z
    .array(z.object({ rate: z.enum(Object.keys(VAT_RATES) as [VatRate, ...VatRate[]]), net: ZAmount, vat: ZAmount }))
    .max(6)
    .default([]),
  exempt: ZAmount.default("0"),
  nonTaxed: ZAmount.default("0"),
  perceptions: z
    .array(
      z.object({
        kind: z.enum(Object.keys(PERCEPTION_KINDS) as [PerceptionKind, ...PerceptionKind[]]),
        jurisdiction: z.string().trim().max(60).optional().nullable(),
        amount: ZAmount,
      }),
    )
    .max(20)
    .default([]),
  total: ZAmount,
  expenseAccountId: z.uuid().optional().nullable(),
  notes: z.string().trim().max(500).optional().nullable(),
});
export type TSupplierInvoiceInput = z.input<typeof ZSupplierInvoiceInput>;
export type TSupplierInvoice = z.output<typeof ZSupplierInvoiceInput>;
