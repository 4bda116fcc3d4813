import { z } from "zod";
import { Decimal } from "@/lib/decimal";
import { RECEIVER_IVA_CONDITION, type ReceiverIvaConditionName } from "../afip/codes";

const ZDecimalLike = z
  .union([z.string().max(40), z.number(), z.instanceof(Decimal)])
  .transform((v, ctx) => {
    try {
      const d = new Decimal(v);
      if (!d.isFinite()) throw new Error();
      return d.toString();
    } catch {
      ctx.addIssue({ code: "custom", message: "Número inválido" });
      return z.NEVER;
    }
  });

const names = Object.keys(RECEIVER_IVA_CONDITION) as [ReceiverIvaConditionName, ...ReceiverIvaConditionName[]];

/** AFIP CondicionIVAReceptorId, given as the id or its name (CONSUMIDOR_FINAL, RESPONSABLE_INSCRIPTO…). */
export const ZReceiverIvaCondition = z
  .union([z.number().int().positive(), z.enum(names)])
  .transform((v) => (typeof v === "number" ? v : RECEIVER_IVA_CONDITION[v]));

export const ZFiscalReceiver = z.object({
  docType: z.coerce.number().int(),
  docNumber: z.union([z.string().max(20), z.number()]).transform((v) => String(v).replace(/\D/g, "") || "0"),
  ivaCondition: ZReceiverIvaCondition,
  name: z.string().trim().max(200).optional().nullable(),
});

export const CONSUMIDOR_FINAL = { docType: 99, docNumber: "0", ivaCondition: 5, name: null } as const;

export const ZRequestFiscalDocumentInput = z.object({
  saleId: z.uuid(),
  registerId: z.uuid().optional().nullable(),
  pointOfSale: z.number().int().min(1).max(99998),
  receiver: ZFiscalReceiver.optional().nullable(),
  lines: z
    .array(
      z.object({
        description: z.string().min(1).max(250),
        quantity: ZDecimalLike,
        /** Gross, IVA included. Optional when lineTotal is given. */
        unitPrice: ZDecimalLike.optional(),
        /** Gross line total after line discounts (the POS's own rounding); preferred over quantity × unitPrice. */
        lineTotal: ZDecimalLike.optional(),
        /** Percent ("21", "10.50") or fraction ("0.21"). */
        ivaRate: ZDecimalLike,
        /** A service (room night, consumption): makes the document Concepto 2 (or 3 when mixed). */
        isService: z.boolean().optional(),
      }),
    )
    .min(1)
    .refine((ls) => ls.every((l) => l.unitPrice !== undefined || l.lineTotal !== undefined), "Cada línea necesita precio unitario o total"),
  /** Gross total of the sale (after any ticket discount, spread over the aliquots pro rata). */
  total: ZDecimalLike,
});
export type TRequestFiscalDocumentInput = z.input<typeof ZRequestFiscalDocumentInput>;
