import { z } from "zod";
import { ZMoney, ZQuantity, ZUnitPrice } from "./sale";

// Billing inputs shared by the server and the billing pages (SPEC §6). Amounts are decimal strings.

export const DOC_TYPES = ["CUIT", "CUIL", "DNI", "PASSPORT"] as const;
export const IVA_CONDITIONS = ["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO", "CONSUMIDOR_FINAL", "NO_CATEGORIZADO"] as const;
export const IVA_CONDITION_LABELS: Record<(typeof IVA_CONDITIONS)[number], string> = {
  RESPONSABLE_INSCRIPTO: "Responsable Inscripto",
  MONOTRIBUTO: "Monotributo",
  EXENTO: "Exento",
  CONSUMIDOR_FINAL: "Consumidor final",
  NO_CATEGORIZADO: "No categorizado",
};
export const COLLECTION_METHODS = ["CASH", "TRANSFER", "DEBIT", "CREDIT", "CHECK"] as const;
export const COLLECTION_METHOD_LABELS: Record<(typeof COLLECTION_METHODS)[number], string> = {
  CASH: "Efectivo",
  TRANSFER: "Transferencia",
  DEBIT: "Débito",
  CREDIT: "Crédito",
  CHECK: "Cheque",
};

const text = (max: number, label: string) => z.string().trim().min(1, `Completá ${label}`).max(max, `${label}: hasta ${max} caracteres`);
const optText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: hasta ${max} caracteres`)
    .nullish()
    .transform((v) => (v ? v : null));
export const ZIsoDate = z.iso.date("Fecha inválida");

export const ZCustomerInput = z.object({
  docType: z.enum(DOC_TYPES),
  docNumber: z.string().trim().min(1, "Completá el número de documento").max(20, "Documento: hasta 20 caracteres"),
  name: text(200, "el nombre"),
  ivaCondition: z.enum(IVA_CONDITIONS),
  address: optText(300, "Domicilio"),
  email: z
    .string()
    .trim()
    .max(254, "E-mail: hasta 254 caracteres")
    .nullish()
    .transform((v) => (v ? v : null))
    .pipe(z.email("E-mail inválido").nullable()),
  accountEnabled: z.boolean().default(false),
  creditLimit: ZMoney.default("0"),
  paymentTermsDays: z.number().int().min(0, "Plazo inválido").max(365, "Plazo: hasta 365 días").default(30),
});
export type TCustomerInput = z.input<typeof ZCustomerInput>;

export { ZSaleCharge, type TSaleCharge } from "./sale";

export const ZOpenFolioInput = z.object({
  roomNumber: text(20, "la habitación"),
  guestName: text(200, "el huésped"),
  guestDocNumber: optText(20, "Documento"),
  checkIn: ZIsoDate,
  checkOut: ZIsoDate,
  customerId: z.uuid().optional().nullable(),
});

export const ZManualChargeLine = z.object({
  description: text(200, "la descripción"),
  quantity: ZQuantity,
  unitPrice: ZUnitPrice,
  ivaRate: z.enum(["0", "10.5", "21", "27"]),
});
export const ZAddFolioChargeInput = z.object({ folioId: z.uuid(), chargedOn: ZIsoDate.optional(), lines: z.array(ZManualChargeLine).min(1).max(50) });

export const ZSupervisor = z.object({
  supervisorEmail: z.string().trim().min(3, "Ingresá el e-mail del supervisor").max(254),
  supervisorPassword: z.string().min(1, "Ingresá la contraseña del supervisor").max(200),
});

/** A supervisor authorises a customer's sales on account over the credit limit, up to an amount. */
export const ZCreditOverrideInput = z.object({
  customerId: z.uuid(),
  amount: ZMoney.refine((v) => Number(v) > 0, "El importe debe ser mayor que cero"),
  supervisorEmail: z.string().trim().min(3, "Ingresá el e-mail del supervisor").max(254),
  supervisorPassword: z.string().min(1, "Ingresá la contraseña del supervisor").max(200),
});
export type TCreditOverrideInput = z.input<typeof ZCreditOverrideInput>;

export const ZCreateBatchInput = z
  .object({
    /** Billing batch id from the client: creating twice is idempotent. */
    id: z.uuid(),
    pointOfSale: z.number().int().min(1).max(99998),
    issueDate: ZIsoDate,
    periodFrom: ZIsoDate.optional(),
    periodTo: ZIsoDate.optional(),
    customerIds: z.array(z.uuid()).max(5000).optional(),
    chargeIds: z.array(z.uuid()).max(20000).optional(),
  })
  .refine((v) => !(v.periodFrom && v.periodTo) || v.periodFrom <= v.periodTo, { message: "El período termina antes de empezar", path: ["periodTo"] });
export type TCreateBatchInput = z.infer<typeof ZCreateBatchInput>;

export const ZCollectionInput = z.object({
  customerId: z.uuid(),
  receivedOn: ZIsoDate,
  method: z.enum(COLLECTION_METHODS),
  amount: ZMoney.refine((v) => Number(v) > 0, "El importe debe ser mayor que cero"),
  reference: optText(100, "Referencia"),
});
