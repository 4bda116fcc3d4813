import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalDocumentAttempts, fiscalDocuments, fiscalSettings, type AfipMsg } from "../db/schema/fiscal";
import { isUniqueViolation } from "../errors/app-error";
import { AfipSoapFault, AfipTransportError } from "../afip/soap";
import { compConsultar, compUltimoAutorizado, type Auth, type WsfeOptions } from "../afip/wsfe";
import { caeSolicitarMany, MAX_RECORDS_PER_REQUEST } from "../afip/wsfe-batch";
import { AFIP_CODE_HINTS } from "../afip/codes";
import { buildCaeRequest, localRejection, matches } from "../fiscal/cae-request";
import { getAccessTicket, invalidateAccessTicket, type Credentials } from "../fiscal/access-ticket";
import { afipTimeoutMs, endpointsFor } from "../fiscal/afip-runtime";
import { decryptPrivateKey } from "../fiscal/key-encryption";
import { FiscalRetryableError } from "../fiscal/retryable";
import { seriesKey, withSeriesLock } from "../fiscal/series-lock";

/**
 * Issues many invoices of ONE series (tenant + environment + CUIT + PtoVta + CbteTipo) with
 * multi-record FECAESolicitar: chunks of consecutive numbers per request, under the same
 * series lock the one-by-one issuer uses. Each document keeps its own outcome: ISSUED with its
 * CAE, REJECTED with ARCA's observations, or unknown (timeout, lost response, out of sequence)
 * until FECompUltimoAutorizado + FECompConsultar with field comparison settles it — a number
 * ARCA authorised is taken, never re-sent under another number. Opens only short
 * transactions; none stays open across a network call. Transient failures throw
 * FiscalRetryableError after recording what is known; the caller retries with backoff.
 */

type Doc = typeof fiscalDocuments.$inferSelect;
export type SeriesOutcome = { issued: number; rejected: number; requests: number };
/** Test seam: runs right after a request was sent and answered, before anything is stored (a crash there). */
export type IssueSeriesHooks = { afterAnswer?: (numbers: number[]) => void | Promise<void> };

const TRANSIENT_CODES = new Set([500, 501, 502, 600, 601]);
const todayAr = () => new Date(Date.now() - 3 * 3600_000).toISOString().slice(0, 10);
const isoDate = (v: string | undefined) => (v && /^\d{8}$/.test(v) ? `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6)}` : null);
export const describeAfip = (msgs: AfipMsg[]) =>
  msgs.map((m) => `${m.code}: ${m.msg}${AFIP_CODE_HINTS[m.code] ? ` (${AFIP_CODE_HINTS[m.code]})` : ""}`).join(" · ");

type Ctx = { tenantId: string; o: WsfeOptions; auth: Auth; creds: Credentials; series: { environment: NonNullable<Doc["environment"]>; cuit: string; pointOfSale: number; cbteTipo: number } };

async function setDoc(tenantId: string, id: string, set: Partial<Doc>, attempt?: { operation: string; number: number | null; outcome: string; error?: string | null }) {
  await withTenant(tenantId, async (tx) => {
    await tx.update(fiscalDocuments).set({ ...set, updatedAt: new Date() }).where(eq(fiscalDocuments.id, id));
    if (attempt) await tx.insert(fiscalDocumentAttempts).values({ tenantId, documentId: id, ...attempt });
  });
}

export async function issueSeries(tenantId: string, documentIds: string[], opts: { chunkSize?: number; hooks?: IssueSeriesHooks } = {}): Promise<SeriesOutcome> {
  const chunkSize = Math.min(opts.chunkSize ?? 50, MAX_RECORDS_PER_REQUEST);
  const out: SeriesOutcome = { issued: 0, rejected: 0, requests: 0 };
  if (documentIds.length === 0) return out;
  const { docs, settings } = await withTenant(tenantId, async (tx) => ({
    docs: await tx.select().from(fiscalDocuments).where(inArray(fiscalDocuments.id, documentIds)),
    settings: (await tx.select().from(fiscalSettings).limit(1))[0],
  }));
  const first = docs.find((d) => d.cbteTipo !== null && d.environment !== null && d.emitterCuit !== null);
  if (!first) return out;
  if (!settings?.certificatePem || !settings.privateKeyEncrypted) {
    throw new FiscalRetryableError("Faltan los datos fiscales o el certificado de AFIP: completalos en Configuración fiscal y reintentá.", "5m");
  }
  const series = { environment: first.environment!, cuit: first.emitterCuit!, pointOfSale: first.pointOfSale, cbteTipo: first.cbteTipo! };
  if (docs.some((d) => d.pointOfSale !== series.pointOfSale || d.cbteTipo !== series.cbteTipo || d.emitterCuit !== series.cuit)) {
    throw new Error("issueSeries: documents of different series");
  }
  const creds: Credentials = {
    cuit: settings.cuit,
    environment: settings.environment,
    certPem: settings.certificatePem,
    keyPem: decryptPrivateKey(settings.privateKeyEncrypted),
    endpoints: await endpointsFor(settings.environment),
  };

  return withSeriesLock(tenantId, seriesKey({ tenantId, ...series }), async () => {
    const ctx: Ctx = { tenantId, creds, series, auth: await getAccessTicket(tenantId, creds), o: { url: creds.endpoints.wsfe, timeoutMs: afipTimeoutMs() } };
    try {
      await recoverSeries(ctx);
      // Bounded: every round either settles a chunk or leaves it for recovery and the next round.
      for (let round = 0; round < Math.ceil(documentIds.length / chunkSize) * 3 + 3; round++) {
        const todo = await withTenant(tenantId, (tx) =>
          tx
            .select()
            .from(fiscalDocuments)
            .where(and(inArray(fiscalDocuments.id, documentIds), inArray(fiscalDocuments.status, ["PENDING", "ERROR"]), isNull(fiscalDocuments.number)))
            .orderBy(asc(fiscalDocuments.requestedAt), asc(fiscalDocuments.id)),
        );
        if (todo.length === 0) break;
        const sendable: Doc[] = [];
        for (const d of todo) {
          const local = localRejection(d, settings.anonymousConsumerLimit);
          if (local && local !== "WAIT_ORIGINAL") {
            await setDoc(tenantId, d.id, { status: "REJECTED", observations: [local], lastError: local.msg });
            out.rejected++;
          } else if (sendable.length < chunkSize) sendable.push(d);
        }
        if (sendable.length) await sendChunk(ctx, sendable, out, opts.hooks);
      }
      return out;
    } catch (e) {
      if (e instanceof AfipTransportError || e instanceof AfipSoapFault) throw new FiscalRetryableError(`AFIP no disponible: ${e.message}`);
      throw e;
    }
  });
}

async function sendChunk(ctx: Ctx, chunk: Doc[], out: SeriesOutcome, hooks?: IssueSeriesHooks) {
  const { tenantId, o, auth, series } = ctx;
  const last = await compUltimoAutorizado(o, auth, series.pointOfSale, series.cbteTipo);
  if (last.errors.length) await transient(ctx, last.errors);
  // Claim consecutive numbers on the rows before sending (kept while the outcome is unknown).
  let claimed: Doc[];
  try {
    claimed = await withTenant(tenantId, async (tx) => {
      const rows: Doc[] = [];
      for (const [i, d] of chunk.entries()) {
        const [row] = await tx
          .update(fiscalDocuments)
          .set({ number: last.cbteNro + 1 + i, issueDate: d.issueDate ?? todayAr(), status: "PENDING", sentAt: new Date(), attempts: d.attempts + 1, updatedAt: new Date() })
          .where(and(eq(fiscalDocuments.id, d.id), isNull(fiscalDocuments.number)))
          .returning();
        if (!row) throw new FiscalRetryableError("Un comprobante cambió mientras se numeraba; se reintenta");
        rows.push(row);
      }
      return rows;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new FiscalRetryableError("Un número ya está asignado a otro comprobante; se reintenta");
    throw e;
  }
  const numbers = claimed.map((d) => d.number!);
  out.requests++;
  let res;
  try {
    const reqs = claimed.map((d) => buildCaeRequest(d));
    res = await caeSolicitarMany(o, auth, { ptoVta: series.pointOfSale, cbteTipo: series.cbteTipo, details: reqs.map((r) => r.detail) });
  } catch (e) {
    if (!(e instanceof AfipTransportError || e instanceof AfipSoapFault)) throw e;
    const msg = `Sin respuesta confirmada de AFIP (${e.message}); se verifica con FECompConsultar.`;
    await withTenant(tenantId, async (tx) => {
      await tx.update(fiscalDocuments).set({ status: "ERROR", lastError: msg, updatedAt: new Date() }).where(inArray(fiscalDocuments.id, claimed.map((d) => d.id)));
      await tx.insert(fiscalDocumentAttempts).values(claimed.map((d) => ({ tenantId, documentId: d.id, operation: "FECAESolicitar", number: d.number, outcome: "UNKNOWN", error: e.message })));
    });
    await recoverSeries(ctx, out);
    return;
  }
  await hooks?.afterAnswer?.(numbers);

  const byNumber = new Map(res.details.map((d) => [d.cbteDesde, d]));
  if (res.errors.some((e) => TRANSIENT_CODES.has(e.code)) && !res.details.some((d) => d.resultado === "A")) {
    // Nothing authorised (ARCA's request-level error): release the numbers and retry later.
    await withTenant(tenantId, (tx) =>
      tx.update(fiscalDocuments).set({ number: null, status: "ERROR", errors: res.errors, lastError: describeAfip(res.errors), updatedAt: new Date() }).where(inArray(fiscalDocuments.id, claimed.map((d) => d.id))),
    );
    await transient(ctx, res.errors);
  }
  await withTenant(tenantId, async (tx) => {
    for (const d of claimed) {
      const det = byNumber.get(d.number!);
      const set: Partial<Doc> = { updatedAt: new Date() };
      let outcome: string;
      if (det?.resultado === "A" && det.cae) {
        Object.assign(set, { status: "ISSUED", cae: det.cae, caeDueDate: isoDate(det.caeFchVto), observations: det.observations, errors: [], lastError: null, issuedAt: new Date() });
        outcome = "ISSUED";
        out.issued++;
      } else if (det && det.resultado === "R" && !det.observations.some((m) => m.code === 10016)) {
        // Rejected: the number was not consumed at ARCA; released.
        const msgs = [...res.errors, ...det.observations];
        Object.assign(set, { status: "REJECTED", number: null, observations: det.observations, errors: res.errors, lastError: describeAfip(msgs) || "Rechazado por AFIP" });
        outcome = "REJECTED";
        out.rejected++;
      } else {
        // Out of sequence or missing from the answer: unknown until recovery compares fields.
        Object.assign(set, { status: "ERROR", lastError: det ? describeAfip(det.observations) : "Sin detalle en la respuesta de AFIP" });
        outcome = "UNKNOWN";
      }
      await tx.update(fiscalDocuments).set(set).where(eq(fiscalDocuments.id, d.id));
      await tx.insert(fiscalDocumentAttempts).values({ tenantId, documentId: d.id, operation: "FECAESolicitar", number: d.number, outcome, error: set.lastError ?? null });
    }
  });
  if (res.details.some((d) => d.resultado !== "A") || res.details.length !== claimed.length) await recoverSeries(ctx, out);
}

async function transient(ctx: Ctx, errors: AfipMsg[]): Promise<never> {
  if (errors.some((e) => e.code === 600)) await invalidateAccessTicket(ctx.tenantId, ctx.creds);
  throw new FiscalRetryableError(describeAfip(errors), errors.some((e) => e.code === 502) ? "60s" : undefined);
}

/**
 * Settle every document of the series whose outcome is unknown (a number held, not final),
 * whichever issuer left it: ARCA's last number, then FECompConsultar and field comparison.
 */
export async function recoverSeries(ctx: Ctx, out?: SeriesOutcome): Promise<void> {
  const { tenantId, o, auth, series } = ctx;
  const unsettled = await withTenant(tenantId, (tx) =>
    tx
      .select()
      .from(fiscalDocuments)
      .where(
        and(
          eq(fiscalDocuments.environment, series.environment),
          eq(fiscalDocuments.emitterCuit, series.cuit),
          eq(fiscalDocuments.pointOfSale, series.pointOfSale),
          eq(fiscalDocuments.cbteTipo, series.cbteTipo),
          isNotNull(fiscalDocuments.number),
          inArray(fiscalDocuments.status, ["PENDING", "ERROR"]),
        ),
      )
      .orderBy(asc(fiscalDocuments.number)),
  );
  if (unsettled.length === 0) return;
  const last = await compUltimoAutorizado(o, auth, series.pointOfSale, series.cbteTipo);
  if (last.errors.length) await transient(ctx, last.errors);
  for (const d of unsettled) {
    const n = d.number!;
    if (last.cbteNro < n) {
      await setDoc(tenantId, d.id, { number: null, status: "PENDING" }, { operation: "FECompUltimoAutorizado", number: n, outcome: "RECOVERY_NOT_AUTHORISED" });
      continue;
    }
    const got = await compConsultar(o, auth, series.cbteTipo, n, series.pointOfSale);
    if (got.found && matches(d, got)) {
      await setDoc(
        tenantId,
        d.id,
        { status: "ISSUED", cae: got.codAutorizacion, caeDueDate: isoDate(got.fchVto), lastError: null, errors: [], issuedAt: new Date() },
        { operation: "FECompConsultar", number: n, outcome: "RECOVERED" },
      );
      if (out) out.issued++;
      // The one-by-one issuer mirrors ISSUED onto a POS sale; do the same for documents it left here.
      if (d.saleId) await withTenant(tenantId, (tx) => tx.execute(sql`select fiscal_sync_sale_status(${d.saleId}::uuid, ${d.kind === "CREDIT_NOTE" ? "CREDIT_NOTE_ISSUED" : "ISSUED"}, ${d.id}::uuid)`));
    } else {
      await setDoc(tenantId, d.id, { number: null, status: "PENDING" }, { operation: "FECompConsultar", number: n, outcome: "RECOVERY_MISMATCH" });
    }
  }
}
