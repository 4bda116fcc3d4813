import { z } from "zod";
import { ZMoney } from "./sale";

// The terminal's wire format: what the browser (page and service worker) and the route
// handlers under /api/pos/<slug>/ exchange. One zod schema per message, used by both sides:
// the server parses requests with them, the browser parses answers with them.

export const SYNC_STATUSES = ["ACCEPTED", "ACCEPTED_WITH_CONFLICT", "DUPLICATE", "REFUSED", "ERROR"] as const;
export const ZSyncStatus = z.enum(SYNC_STATUSES);
export type SyncStatus = z.infer<typeof ZSyncStatus>;

export const MAX_SYNC_BATCH = 200;

/**
 * POST /sync. `strict`: the cashier is waiting at the till for this verdict (online charge),
 * so the server applies online rules (stock, price, active product) and may refuse; without
 * it (queued sales) offline rules apply: accepted and flagged.
 */
export const ZSyncRequest = z.object({
  sales: z.array(z.unknown()).min(1, "No hay ventas para sincronizar").max(MAX_SYNC_BATCH, `Como máximo ${MAX_SYNC_BATCH} ventas por envío`),
  strict: z.boolean().optional(),
});
export type TSyncRequest = z.infer<typeof ZSyncRequest>;

export const ZSaleSyncResult = z.object({
  id: z.string().max(64),
  status: ZSyncStatus,
  ticketNumber: z.number().int().optional(),
  stockConflict: z.boolean().optional(),
  /** Accepted, but a price the product never had offline or a product already inactive: flagged for review. */
  catalogConflict: z.boolean().optional(),
  code: z.string().max(64).optional(),
  message: z.string().max(500).optional(),
});
export type SaleSyncResult = z.infer<typeof ZSaleSyncResult>;
export const ZSyncResponse = z.object({ results: z.array(ZSaleSyncResult) });
export type SyncBatchResponse = z.infer<typeof ZSyncResponse>;

// ---- Operations queued beside sales: opening a shift, cash in/out, a customer typed offline.

export const CUSTOMER_DOC_TYPES = ["CUIT", "CUIL", "DNI", "PASSPORT"] as const;
export const IVA_CONDITIONS = ["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO", "CONSUMIDOR_FINAL", "NO_CATEGORIZADO"] as const;
export const IVA_CONDITION_LABELS: Record<(typeof IVA_CONDITIONS)[number], string> = {
  RESPONSABLE_INSCRIPTO: "Responsable inscripto",
  MONOTRIBUTO: "Monotributo",
  EXENTO: "Exento",
  CONSUMIDOR_FINAL: "Consumidor final",
  NO_CATEGORIZADO: "No categorizado",
};

export const ZCustomerFields = z.object({
  docType: z.enum(CUSTOMER_DOC_TYPES),
  docNumber: z.string().trim().regex(/^[0-9A-Za-z]{5,20}$/, "Número de documento inválido"),
  name: z.string().trim().min(2, "Ingresá el nombre o razón social").max(160),
  ivaCondition: z.enum(IVA_CONDITIONS),
  address: z.string().trim().max(200).optional(),
});
export type TCustomerFields = z.infer<typeof ZCustomerFields>;

const at = z.iso.datetime({ offset: true });

export const ZOpenSessionOp = z.object({
  kind: z.literal("OPEN_SESSION"),
  /** Client UUID: becomes the cash session's id (idempotency key). */
  id: z.uuid(),
  registerId: z.uuid(),
  openingFloat: ZMoney,
  at,
});
export const ZCashMovementOp = z.object({
  kind: z.literal("CASH_MOVEMENT"),
  id: z.uuid(),
  cashSessionId: z.uuid(),
  type: z.enum(["MANUAL_IN", "MANUAL_OUT"]),
  amount: ZMoney.refine((v) => Number(v) > 0, "El importe debe ser mayor que cero"),
  reason: z.string().trim().min(3, "Indicá el motivo").max(200),
  at,
});
export const ZCreateCustomerOp = ZCustomerFields.extend({
  kind: z.literal("CREATE_CUSTOMER"),
  id: z.uuid(),
  at,
});
export const ZPosOp = z.discriminatedUnion("kind", [ZOpenSessionOp, ZCashMovementOp, ZCreateCustomerOp]);
export type TPosOp = z.infer<typeof ZPosOp>;
export type TOpenSessionOp = z.infer<typeof ZOpenSessionOp>;
export type TCashMovementOp = z.infer<typeof ZCashMovementOp>;
export type TCreateCustomerOp = z.infer<typeof ZCreateCustomerOp>;

export const ZOpsRequest = z.object({ ops: z.array(z.unknown()).min(1).max(50) });
export const ZOpResult = z.object({
  id: z.string().max(64),
  status: z.enum(["ACCEPTED", "ACCEPTED_WITH_CONFLICT", "DUPLICATE", "REFUSED", "ERROR"]),
  /** CREATE_CUSTOMER: the customer already existed with this id (same document): use it. */
  mappedId: z.uuid().optional(),
  code: z.string().max(64).optional(),
  message: z.string().max(500).optional(),
});
export type TOpResult = z.infer<typeof ZOpResult>;
export const ZOpsResponse = z.object({ results: z.array(ZOpResult) });

// ---- Context: who sells, where, and what the ticket header says (kept for offline reloads).

export const ZPosContext = z.object({
  tenant: z.object({ slug: z.string(), name: z.string() }),
  user: z.object({ id: z.uuid(), name: z.string() }),
  role: z.string(),
  canReview: z.boolean(),
  canVoid: z.boolean(),
  business: z.object({
    legalName: z.string().nullable(),
    cuit: z.string().nullable(),
    address: z.string().nullable(),
    ivaCondition: z.string().nullable(),
  }),
  registers: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      afipPointOfSale: z.number().int(),
      fiscalEnabled: z.boolean(),
      autoPrint: z.boolean(),
      cashSessionId: z.uuid().nullable(),
      openedBy: z.uuid().nullable(),
      openedByName: z.string().nullable(),
    }),
  ),
  fetchedAt: z.string(),
});
export type PosContext = z.infer<typeof ZPosContext>;

export const ZPosCustomer = z.object({
  id: z.uuid(),
  docType: z.enum(CUSTOMER_DOC_TYPES),
  docNumber: z.string(),
  name: z.string(),
  ivaCondition: z.enum(IVA_CONDITIONS),
  address: z.string().nullable().optional(),
});
export type PosCustomerRecord = z.infer<typeof ZPosCustomer>;
export const ZCustomersResponse = z.object({ customers: z.array(ZPosCustomer) });
