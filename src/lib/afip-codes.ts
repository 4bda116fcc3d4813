// AFIP/ARCA code tables (PROTOCOL.md "Codes"). Plain data: safe for client and server.

export const CBTE_TIPO = {
  FACTURA_A: 1,
  NOTA_DEBITO_A: 2,
  NOTA_CREDITO_A: 3,
  FACTURA_B: 6,
  NOTA_DEBITO_B: 7,
  NOTA_CREDITO_B: 8,
  FACTURA_C: 11,
  NOTA_DEBITO_C: 12,
  NOTA_CREDITO_C: 13,
} as const;

export type DocumentLetter = "A" | "B" | "C";
export type DocumentKind = "INVOICE" | "CREDIT_NOTE";

export const CBTE_TIPO_LABEL: Record<number, string> = {
  1: "Factura A",
  2: "Nota de Débito A",
  3: "Nota de Crédito A",
  6: "Factura B",
  7: "Nota de Débito B",
  8: "Nota de Crédito B",
  11: "Factura C",
  12: "Nota de Débito C",
  13: "Nota de Crédito C",
};

export const DOC_TIPO = { CUIT: 80, CUIL: 86, DNI: 96, PASAPORTE: 94, CONSUMIDOR_FINAL: 99 } as const;
export const DOC_TIPO_LABEL: Record<number, string> = { 80: "CUIT", 86: "CUIL", 96: "DNI", 94: "Pasaporte", 99: "Consumidor final" };

/** AlicIva.Id by rate in percent. */
export const IVA_ID_BY_RATE: Record<string, number> = {
  "0": 3,
  "2.5": 9,
  "5": 8,
  "10.5": 4,
  "21": 5,
  "27": 6,
};

/** Emitter IVA conditions Mostrador supports (SPEC §6). */
export const EMITTER_IVA_CONDITIONS = ["RESPONSABLE_INSCRIPTO", "MONOTRIBUTO", "EXENTO"] as const;
export type EmitterIvaCondition = (typeof EMITTER_IVA_CONDITIONS)[number];
export const EMITTER_IVA_LABEL: Record<EmitterIvaCondition, string> = {
  RESPONSABLE_INSCRIPTO: "Responsable Inscripto",
  MONOTRIBUTO: "Monotributo",
  EXENTO: "IVA Exento",
};

/** CondicionIVAReceptorId (RG 5616). */
export const RECEIVER_IVA_CONDITION = {
  RESPONSABLE_INSCRIPTO: 1,
  EXENTO: 4,
  CONSUMIDOR_FINAL: 5,
  MONOTRIBUTO: 6,
  NO_CATEGORIZADO: 7,
  PROVEEDOR_EXTERIOR: 8,
  CLIENTE_EXTERIOR: 9,
  LIBERADO_LEY_19640: 10,
  MONOTRIBUTISTA_SOCIAL: 13,
  NO_ALCANZADO: 15,
  MONOTRIBUTO_TRABAJADOR_PROMOVIDO: 16,
} as const;
export type ReceiverIvaConditionName = keyof typeof RECEIVER_IVA_CONDITION;
export const RECEIVER_IVA_LABEL: Record<number, string> = {
  1: "IVA Responsable Inscripto",
  4: "IVA Sujeto Exento",
  5: "Consumidor Final",
  6: "Responsable Monotributo",
  7: "Sujeto No Categorizado",
  8: "Proveedor del Exterior",
  9: "Cliente del Exterior",
  10: "IVA Liberado – Ley N° 19.640",
  13: "Monotributista Social",
  15: "IVA No Alcanzado",
  16: "Monotributo Trabajador Independiente Promovido",
};

export const CONCEPTO = { PRODUCTOS: 1, SERVICIOS: 2, PRODUCTOS_Y_SERVICIOS: 3 } as const;

/** Spanish explanations for AFIP codes worth a clear message. */
export const AFIP_CODE_HINTS: Record<number, string> = {
  10016: "El número no es el próximo a autorizar (secuencia desfasada); se reintenta con el número correcto.",
  10015: "Documento del receptor inválido o requerido para este importe.",
  10048: "El total no coincide con la suma de neto, IVA, exento, no gravado y tributos.",
  11002: "El punto de venta no está habilitado para factura electrónica en AFIP.",
  600: "Token o firma de acceso inválidos.",
  601: "El CUIT no está autorizado a usar el servicio.",
  602: "Comprobante inexistente.",
  10242: "Falta la condición frente al IVA del receptor.",
  502: "AFIP informa una transacción activa; se reintenta más tarde.",
};
