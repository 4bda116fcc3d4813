import { z } from "zod";
import { isValidCuit, normalizeCuit } from "@/lib/cuit";

// Shared by the supplier dialog (client) and the services (server).
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Máximo ${max} caracteres`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const ZSupplierInput = z.object({
  name: z.string().trim().min(2, "Ingresá la razón social").max(160, "Máximo 160 caracteres"),
  cuit: z
    .string()
    .trim()
    .max(20, "El CUIT tiene 11 dígitos")
    .transform(normalizeCuit)
    .pipe(z.string().regex(/^\d{11}$/, "El CUIT tiene 11 dígitos").refine(isValidCuit, "CUIT inválido: revisá el dígito verificador")),
  contactName: optionalText(120),
  email: z
    .string()
    .trim()
    .max(254, "El e-mail es demasiado largo")
    .optional()
    .nullable()
    .transform((v) => (v ? v.toLowerCase() : null))
    .pipe(z.string().email("E-mail inválido").nullable()),
  phone: optionalText(40),
  address: optionalText(200),
  paymentTermsDays: z.coerce
    .number({ message: "Ingresá los días de plazo" })
    .int("Usá días enteros")
    .min(0, "El plazo no puede ser negativo")
    .max(365, "Máximo 365 días")
    .default(0),
  notes: optionalText(1000),
  active: z.boolean().default(true),
});
export type TSupplierInput = z.input<typeof ZSupplierInput>;
