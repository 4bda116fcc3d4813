import { CBTE_TIPO, type DocumentKind, type DocumentLetter, type EmitterIvaCondition } from "./codes";

// Letter from emitter and receiver IVA conditions (PROTOCOL.md "Letter").
const A_RECEIVERS = new Set([1, 6, 13, 16]);

export function documentLetter(emitter: EmitterIvaCondition, receiverIvaConditionId: number): DocumentLetter {
  if (emitter !== "RESPONSABLE_INSCRIPTO") return "C";
  return A_RECEIVERS.has(receiverIvaConditionId) ? "A" : "B";
}

const TYPES: Record<DocumentKind, Record<DocumentLetter, number>> = {
  INVOICE: { A: CBTE_TIPO.FACTURA_A, B: CBTE_TIPO.FACTURA_B, C: CBTE_TIPO.FACTURA_C },
  CREDIT_NOTE: { A: CBTE_TIPO.NOTA_CREDITO_A, B: CBTE_TIPO.NOTA_CREDITO_B, C: CBTE_TIPO.NOTA_CREDITO_C },
};

export const cbteTipoFor = (kind: DocumentKind, letter: DocumentLetter): number => TYPES[kind][letter];

export function letterOf(cbteTipo: number): DocumentLetter {
  if ([1, 2, 3].includes(cbteTipo)) return "A";
  if ([6, 7, 8].includes(cbteTipo)) return "B";
  return "C";
}

export const isCreditNote = (cbteTipo: number): boolean => [3, 8, 13].includes(cbteTipo);
