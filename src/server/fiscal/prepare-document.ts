import "server-only";
import { computeAmounts } from "../afip/amounts";
import { cbteTipoFor, documentLetter } from "../afip/document-type";
import type { DocumentKind } from "../afip/codes";
import type { fiscalDocuments, fiscalSettings } from "../db/schema/fiscal";

type Settings = typeof fiscalSettings.$inferSelect;
type Doc = typeof fiscalDocuments.$inferSelect;

/** Emitter, type and amounts of a document from the tenant's fiscal settings (pure). */
export function prepareDocument(
  settings: Pick<Settings, "cuit" | "environment" | "ivaCondition">,
  doc: Pick<Doc, "lines" | "total" | "receiverIvaCondition"> & { kind: DocumentKind },
) {
  const letter = documentLetter(settings.ivaCondition, doc.receiverIvaCondition);
  const a = computeAmounts(doc.lines, doc.total, letter);
  return {
    environment: settings.environment,
    emitterCuit: settings.cuit,
    cbteTipo: cbteTipoFor(doc.kind, letter),
    netAmount: a.net,
    ivaAmount: a.iva,
    exemptAmount: a.exempt,
    untaxedAmount: a.untaxed,
    ivaBreakdown: a.ivaBreakdown,
  };
}
