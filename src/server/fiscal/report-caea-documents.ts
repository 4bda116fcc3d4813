import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalDocumentAttempts, fiscalDocuments, type AfipMsg } from "../db/schema/fiscal";
import { fiscalCaeas } from "../db/schema/caea";
import { caeaRegInformativo, type CaeaDetail } from "../afip/wsfe-caea";
import { AfipSoapFault, AfipTransportError } from "../afip/soap";
import { arYmdHms } from "@/lib/ar-time";
import { buildCaeRequest } from "./cae-request";
import { redactAuth } from "./issue-document";
import { openArcaSession } from "./arca-session";
import { seriesKey, withSeriesLock } from "./series-lock";

export type CaeaReportOutcome = { reported: number; rejected: number; failed: string[] };

/** ARCA's "this record was already reported": a previous answer was lost, the record is in. */
const ALREADY_REPORTED = 1005;
/** Records per FECAEARegInformativo call. */
const BATCH = 100;

/**
 * FECAEARegInformativo for every CAEA document waiting to be reported (PENDING: new, or
 * corrected after a rejection), per point of sale + type in number order, each record with its
 * generation time (CbteFchHsGen, Argentina's time). Per-record results are stored: accepted →
 * REPORTED; rejected → REJECTED with ARCA's observations, for correction and re-reporting; a
 * partly rejected batch keeps going. Serialized per series with the issuance lease, and only
 * PENDING rows are sent, so nothing is reported twice; an answer lost in transit is settled by
 * ARCA's "already reported" on the next run.
 */
// eslint-disable-next-line max-lines-per-function -- the CAEA report protocol in order (pick, send, record each answer)
export async function reportCaeaDocuments(tenantId: string): Promise<CaeaReportOutcome> {
  const out: CaeaReportOutcome = { reported: 0, rejected: 0, failed: [] };
  const session = await openArcaSession(tenantId);
  if (!session) return out;
  const series = await withTenant(tenantId, (tx) =>
    tx
      .selectDistinct({ environment: fiscalDocuments.environment, cuit: fiscalDocuments.emitterCuit, pointOfSale: fiscalDocuments.pointOfSale, cbteTipo: fiscalDocuments.cbteTipo })
      .from(fiscalDocuments)
      .where(and(eq(fiscalDocuments.authType, "CAEA"), eq(fiscalDocuments.reportStatus, "PENDING"))),
  );
  for (const s of series) {
    const key = seriesKey({ tenantId, environment: s.environment!, cuit: s.cuit!, pointOfSale: s.pointOfSale, cbteTipo: s.cbteTipo! });
    try {
      await withSeriesLock(tenantId, key, async () => {
        for (;;) {
          const docs = await withTenant(tenantId, (tx) =>
            tx
              .select({ doc: fiscalDocuments, caea: fiscalCaeas.caea })
              .from(fiscalDocuments)
              .innerJoin(fiscalCaeas, eq(fiscalCaeas.id, fiscalDocuments.caeaId))
              .where(
                and(
                  eq(fiscalDocuments.authType, "CAEA"),
                  eq(fiscalDocuments.reportStatus, "PENDING"),
                  eq(fiscalDocuments.environment, s.environment!),
                  eq(fiscalDocuments.emitterCuit, s.cuit!),
                  eq(fiscalDocuments.pointOfSale, s.pointOfSale),
                  eq(fiscalDocuments.cbteTipo, s.cbteTipo!),
                ),
              )
              .orderBy(asc(fiscalDocuments.number))
              .limit(BATCH),
          );
          if (!docs.length) return;
          const details: CaeaDetail[] = docs.map(({ doc, caea }) => ({
            ...buildCaeRequest(doc).detail,
            caea,
            cbteFchHsGen: arYmdHms(doc.generatedAt ?? doc.issuedAt ?? new Date()),
          }));
          const auth = await session.auth();
          const res = await caeaRegInformativo(session.o, auth, { ptoVta: s.pointOfSale, cbteTipo: s.cbteTipo!, details });
          const byNumber = new Map(res.records.map((r) => [r.cbteDesde, r]));
          const request = redactAuth(res.exchange.requestXml);
          let progressed = 0;
          await withTenant(tenantId, async (tx) => {
            for (const { doc } of docs) {
              const r = byNumber.get(doc.number!);
              if (!r) continue;
              const already = r.observations.some((o) => o.code === ALREADY_REPORTED);
              const ok = r.resultado === "A" || already;
              await tx
                .update(fiscalDocuments)
                .set({
                  reportStatus: ok ? "REPORTED" : "REJECTED",
                  reportErrors: ok ? [] : r.observations,
                  reportedAt: ok ? new Date() : null,
                  reportAttempts: sql`${fiscalDocuments.reportAttempts} + 1`,
                  updatedAt: new Date(),
                })
                .where(and(eq(fiscalDocuments.id, doc.id), eq(fiscalDocuments.reportStatus, "PENDING")));
              await tx.insert(fiscalDocumentAttempts).values({
                tenantId,
                documentId: doc.id,
                operation: "FECAEARegInformativo",
                number: doc.number,
                outcome: ok ? (already ? "ALREADY_REPORTED" : "REPORTED") : "REJECTED",
                requestXml: request,
                responseXml: res.exchange.responseXml,
                error: ok ? null : describe(r.observations),
              });
              progressed++;
              if (ok) out.reported++;
              else out.rejected++;
            }
          });
          // A batch-level error (no per-record answer) leaves the documents PENDING for the next run.
          if (!progressed) {
            out.failed.push(`${s.pointOfSale}/${s.cbteTipo}: ${describe(res.errors) || "ARCA no informó resultados por comprobante"}`);
            return;
          }
        }
      });
    } catch (e) {
      if (e instanceof AfipTransportError || e instanceof AfipSoapFault) out.failed.push(`${s.pointOfSale}/${s.cbteTipo}: ${e.message}`);
      else throw e;
    }
  }
  return out;
}

const describe = (m: AfipMsg[]) => m.map((x) => `${x.code}: ${x.msg}`).join(" · ");

