import { dec } from "@/lib/decimal";
import { formatMoney } from "@/lib/format";
import { letterOf } from "../afip/document-type";
import type { CaeRequest } from "../afip/wsfe";
import type { AfipMsg, fiscalDocuments } from "../db/schema/fiscal";

// Pure rules around one document's FECAESolicitar: the request itself, the local checks that
// AFIP would reject anyway, and the comparison used to recover an unknown outcome.

type Doc = typeof fiscalDocuments.$inferSelect;
const ymd = (d: string) => d.replace(/-/g, "");

const sameAmount = (a: string | number, b: string | number) => dec(a).eq(dec(b));

/** AFIP's stored document is ours when type, point of sale, receiver, date, currency and amounts agree. */
export function matches(
  d: Pick<Doc, "cbteTipo" | "pointOfSale" | "receiverDocType" | "receiverDocNumber" | "issueDate" | "total" | "netAmount" | "ivaAmount" | "currency">,
  g: { cbteTipo: number; ptoVta: number; docTipo: number; docNro: string; cbteFch: string; impTotal: string; impNeto: string; impIva: string; monId: string },
): boolean {
  return (
    g.cbteTipo === d.cbteTipo &&
    g.ptoVta === d.pointOfSale &&
    g.docTipo === d.receiverDocType &&
    BigInt(g.docNro || "0") === BigInt(d.receiverDocNumber || "0") &&
    g.cbteFch === ymd(d.issueDate ?? "") &&
    g.monId === d.currency &&
    sameAmount(g.impTotal, d.total) &&
    sameAmount(g.impNeto, d.netAmount) &&
    sameAmount(g.impIva, d.ivaAmount)
  );
}

export function localRejection(d: Doc, anonymousLimit: string, original?: Doc): AfipMsg | "WAIT_ORIGINAL" | null {
  if (d.kind === "CREDIT_NOTE") {
    if (!original) return { code: 0, msg: "La nota de crédito no tiene comprobante original." };
    if (original.status === "REJECTED") return { code: 0, msg: "La factura original fue rechazada por AFIP: no corresponde nota de crédito." };
    if (original.status !== "ISSUED") return "WAIT_ORIGINAL";
  }
  if (letterOf(d.cbteTipo!) === "A" && d.receiverDocType !== 80) {
    return { code: 10013, msg: "Un comprobante A requiere el CUIT del receptor (tipo de documento 80)." };
  }
  if (d.receiverDocType === 99 && dec(d.total).gte(anonymousLimit)) {
    return { code: 10015, msg: `Para importes desde ${formatMoney(anonymousLimit)} hay que identificar al receptor (DNI o CUIT).` };
  }
  return null;
}

export function buildCaeRequest(d: Doc, original?: Doc): CaeRequest {
  const c = letterOf(d.cbteTipo!) === "C";
  return {
    ptoVta: d.pointOfSale,
    cbteTipo: d.cbteTipo!,
    detail: {
      concepto: d.concept,
      docTipo: d.receiverDocType,
      docNro: d.receiverDocNumber,
      cbteDesde: d.number!,
      cbteHasta: d.number!,
      cbteFch: ymd(d.issueDate!),
      impTotal: d.total,
      impTotConc: d.untaxedAmount,
      impNeto: d.netAmount,
      impOpEx: d.exemptAmount,
      impTrib: "0",
      impIva: c ? "0" : d.ivaAmount,
      // Services (Concepto 2/3): the period is the issue date and payment is due on it (POS sales are paid at once).
      ...(d.concept !== 1 ? { fchServDesde: ymd(d.issueDate!), fchServHasta: ymd(d.issueDate!), fchVtoPago: ymd(d.issueDate!) } : {}),
      monId: d.currency,
      monCotiz: "1",
      condicionIvaReceptorId: d.receiverIvaCondition,
      cbtesAsoc: original
        ? [{ tipo: original.cbteTipo!, ptoVta: original.pointOfSale, nro: original.number!, cuit: original.emitterCuit!, cbteFch: ymd(original.issueDate!) }]
        : undefined,
      iva: c ? undefined : d.ivaBreakdown.map((i) => ({ id: i.id, baseImp: i.base, importe: i.amount })),
    },
  };
}
