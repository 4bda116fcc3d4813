import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalDocumentAttempts, fiscalDocuments, fiscalSettings, type AfipMsg } from "../db/schema/fiscal";
import { isUniqueViolation } from "../errors/app-error";
import { AfipSoapFault, AfipTransportError, type SoapExchange } from "../afip/soap";
import { caeSolicitar, compConsultar, compUltimoAutorizado, type Auth, type WsfeOptions } from "../afip/wsfe";
import { buildCaeRequest, localRejection, matches } from "./cae-request";
import { letterOf } from "../afip/document-type";
import { AFIP_CODE_HINTS } from "../afip/codes";
import { getAccessTicket, invalidateAccessTicket, type Credentials } from "./access-ticket";
import { afipTimeoutMs, endpointsFor } from "./afip-runtime";
import { decryptPrivateKey } from "./key-encryption";
import { prepareDocument } from "./prepare-document";
import { FiscalRetryableError } from "./retryable";
import { seriesKey, withSeriesLock } from "./series-lock";
import { arDate } from "@/lib/ar-time";
import { noteCaeAvailable, noteCaeUnavailable } from "./register-contingency";
import { runtimeEnv } from "../env";

/**
 * Issue one fiscal document: cached WSAA ticket → FECompUltimoAutorizado → FECAESolicitar with
 * the next number → store the CAE. Runs from the Inngest function (and manual retries), not
 * inside a request: it opens its own short tenant transactions around the network calls, never
 * one that stays open while AFIP answers. Numbering is serialized by the series lock.
 *
 * A number is written to the document before it is sent and kept while the outcome is unknown
 * (timeout, lost response). Any later run of the series first recovers such documents:
 * FECompUltimoAutorizado, and if AFIP has reached that number, FECompConsultar and a field
 * comparison; a match takes AFIP's CAE, otherwise the number is released. Never issued blind twice.
 *
 * Final outcomes (ISSUED, REJECTED, configuration errors) return; transient ones throw
 * FiscalRetryableError so Inngest retries with backoff.
 */

type Doc = typeof fiscalDocuments.$inferSelect;
export type IssueOutcome = { documentId: string; status: Doc["status"] | "MISSING"; number: number | null; cae: string | null; message?: string };

const TRANSIENT_CODES = new Set([10016, 500, 501, 502, 600, 601]);
const isoDate = (yyyymmdd: string) => (/^\d{8}$/.test(yyyymmdd) ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}` : null);
const describe = (msgs: AfipMsg[]) => msgs.map((m) => `${m.code}: ${m.msg}${AFIP_CODE_HINTS[m.code] ? ` (${AFIP_CODE_HINTS[m.code]})` : ""}`).join(" · ");
const outcome = (d: Doc, message?: string): IssueOutcome => ({ documentId: d.id, status: d.status, number: d.number, cae: d.cae, message });

async function update(tenantId: string, id: string, set: Partial<Doc>, attempt?: Omit<typeof fiscalDocumentAttempts.$inferInsert, "tenantId" | "documentId">) {
  return withTenant(tenantId, async (tx) => {
    const [row] = await tx
      .update(fiscalDocuments)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(fiscalDocuments.id, id))
      .returning();
    if (attempt) await tx.insert(fiscalDocumentAttempts).values({ tenantId, documentId: id, ...attempt });
    if (set.status === "ISSUED" && row!.saleId) {
      // Mirror on the POS sale (no-op where the sales table does not exist).
      const saleStatus = row!.kind === "CREDIT_NOTE" ? "CREDIT_NOTE_ISSUED" : "ISSUED";
      await tx.execute(sql`select fiscal_sync_sale_status(${row!.saleId}::uuid, ${saleStatus}, ${row!.id}::uuid)`);
    }
    return row!;
  });
}

/** The WSAA token and sign are credentials (valid 12 h): never stored in the audit copy. */
export const redactAuth = (xml: string) =>
  xml.replace(/<(\w+:)?(Token|Sign)>[^<]*<\/(\w+:)?(Token|Sign)>/g, (_m, p = "", tag) => `<${p}${tag}>[redactado]</${p}${tag}>`);
const xml = (ex?: SoapExchange) => ({ requestXml: ex ? redactAuth(ex.requestXml) : null, responseXml: ex?.responseXml ?? null });

const AVAILABILITY_CODES = new Set([500, 501, 502]);

// eslint-disable-next-line max-lines-per-function -- the fiscal numbering protocol in order (lock, number, request CAE, record); splitting it would scatter the lock's scope
export async function issueDocument(tenantId: string, documentId: string, opts: { now?: Date } = {}): Promise<IssueOutcome> {
  const now = () => opts.now ?? new Date();
  const loaded = await withTenant(tenantId, async (tx) => {
    const [doc] = await tx.select().from(fiscalDocuments).where(eq(fiscalDocuments.id, documentId));
    if (!doc) return { kind: "missing" as const };
    if (doc.status === "ISSUED" || doc.status === "REJECTED") return { kind: "final" as const, doc };
    const [settings] = await tx.select().from(fiscalSettings).limit(1);
    if (!settings?.certificatePem || !settings.privateKeyEncrypted) return { kind: "unconfigured" as const, doc };
    if (settings.environment === "FAKE" && runtimeEnv().NODE_ENV === "production") return { kind: "fake-in-prod" as const, doc };
    const original = doc.originalDocumentId
      ? (await tx.select().from(fiscalDocuments).where(eq(fiscalDocuments.id, doc.originalDocumentId)))[0]
      : undefined;
    // Emitter fields are (re)resolved while no number has been claimed: settings may have come later.
    if (doc.number === null && (doc.cbteTipo === null || doc.emitterCuit !== settings.cuit || doc.environment !== settings.environment)) {
      const prepared = prepareDocument(settings, doc);
      if (original?.cbteTipo) prepared.cbteTipo = { A: 3, B: 8, C: 13 }[letterOf(original.cbteTipo)];
      const [row] = await tx.update(fiscalDocuments).set({ ...prepared, updatedAt: new Date() }).where(eq(fiscalDocuments.id, doc.id)).returning();
      return { kind: "ok" as const, doc: row!, settings, original };
    }
    return { kind: "ok" as const, doc, settings, original };
  });

  if (loaded.kind === "missing") return { documentId, status: "MISSING", number: null, cae: null };
  if (loaded.kind === "final") {
    // A CAEA document is ISSUED inside the sale's transaction, before the sale row exists: mirror it now.
    if (loaded.doc.status === "ISSUED" && loaded.doc.saleId) {
      await withTenant(tenantId, (tx) => tx.execute(sql`select fiscal_sync_sale_status(${loaded.doc.saleId}::uuid, 'ISSUED', ${loaded.doc.id}::uuid)`));
    }
    return outcome(loaded.doc);
  }
  if (loaded.kind === "unconfigured" || loaded.kind === "fake-in-prod") {
    const msg =
      loaded.kind === "unconfigured"
        ? "Faltan los datos fiscales o el certificado de ARCA (ex AFIP): completalos en Configuración fiscal y reintentá."
        : "El ARCA simulado no puede usarse en modo producción.";
    return outcome(await update(tenantId, documentId, { status: "ERROR", lastError: msg }), msg);
  }
  const { doc, settings, original } = loaded;

  // Local checks that AFIP would reject anyway, with a clearer message.
  const local = localRejection(doc, settings.anonymousConsumerLimit, original);
  if (local === "WAIT_ORIGINAL") throw new FiscalRetryableError("La factura original todavía no tiene CAE", "30s");
  if (local) {
    return outcome(await update(tenantId, doc.id, { status: "REJECTED", observations: [local], lastError: local.msg }), local.msg);
  }

  const creds: Credentials = {
    cuit: settings.cuit,
    environment: settings.environment,
    certPem: settings.certificatePem!,
    keyPem: decryptPrivateKey(settings.privateKeyEncrypted!),
    endpoints: await endpointsFor(settings.environment),
  };
  const series = { tenantId, environment: doc.environment!, cuit: doc.emitterCuit!, pointOfSale: doc.pointOfSale, cbteTipo: doc.cbteTipo! };

  // Availability failures start (or continue) the register's outage clock; a CAE ends it.
  const unavailable = () => (doc.registerId ? noteCaeUnavailable(tenantId, doc.registerId, now()) : Promise.resolve());
  // eslint-disable-next-line max-lines-per-function -- the fiscal numbering protocol in order (lock, number, request CAE, record); splitting it would scatter the lock's scope
  return withSeriesLock(tenantId, seriesKey(series), async () => {
    const auth = await getAccessTicket(tenantId, creds);
    const o: WsfeOptions = { url: creds.endpoints.wsfe, timeoutMs: afipTimeoutMs() };
    try {
      // 1. Settle every document of this series whose outcome is unknown (including this one).
      const inFlight = await withTenant(tenantId, (tx) =>
        tx
          .select()
          .from(fiscalDocuments)
          .where(
            and(
              eq(fiscalDocuments.environment, series.environment),
              eq(fiscalDocuments.emitterCuit, series.cuit),
              eq(fiscalDocuments.pointOfSale, series.pointOfSale),
              eq(fiscalDocuments.cbteTipo, series.cbteTipo),
              or(
                eq(fiscalDocuments.id, doc.id),
                and(isNotNull(fiscalDocuments.number), inArray(fiscalDocuments.status, ["PENDING", "ERROR"])),
              ),
            ),
          )
          .orderBy(asc(fiscalDocuments.number)),
      );
      let current = inFlight.find((d) => d.id === doc.id);
      const unsettled = inFlight.filter((d) => d.number !== null && (d.status === "PENDING" || d.status === "ERROR"));
      for (const d of unsettled) await recover(tenantId, o, auth, d);
      if (unsettled.length) {
        [current] = await withTenant(tenantId, (tx) => tx.select().from(fiscalDocuments).where(eq(fiscalDocuments.id, doc.id)));
      }
      if (!current || current.status === "ISSUED" || current.status === "REJECTED") return outcome(current ?? doc);

      // 2. Next number, claimed on the row before it is sent.
      const last = await compUltimoAutorizado(o, auth, series.pointOfSale, series.cbteTipo);
      if (last.errors.length) {
        if (last.errors.some((e) => AVAILABILITY_CODES.has(e.code))) await unavailable();
        await failTransient(tenantId, creds, current, last.errors, last.exchange);
      }
      const number = last.cbteNro + 1;
      const issueDate = arDate();
      let claimed: Doc | undefined;
      try {
        claimed = await withTenant(tenantId, async (tx) => {
          const [row] = await tx
            .update(fiscalDocuments)
            .set({ number, issueDate, sentAt: new Date(), attempts: current.attempts + 1, status: "PENDING", updatedAt: new Date() })
            .where(and(eq(fiscalDocuments.id, current.id), isNull(fiscalDocuments.number), eq(fiscalDocuments.authType, "CAE")))
            .returning();
          return row;
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw new FiscalRetryableError(`El número ${number} ya está asignado a otro comprobante; se reintenta`);
        throw e;
      }

      if (!claimed) {
        // Numbered under CAEA meanwhile (the register went into contingency): nothing to send.
        const [now2] = await withTenant(tenantId, (tx) => tx.select().from(fiscalDocuments).where(eq(fiscalDocuments.id, current.id)));
        return outcome(now2 ?? current);
      }

      // 3. FECAESolicitar.
      const req = buildCaeRequest(claimed, original);
      let res;
      try {
        res = await caeSolicitar(o, auth, req);
      } catch (e) {
        if (e instanceof AfipTransportError || e instanceof AfipSoapFault) {
          const msg = `Sin respuesta confirmada de ARCA (${e.message}); se verificará con FECompConsultar antes de reintentar.`;
          await unavailable();
          await update(tenantId, claimed.id, { status: "ERROR", lastError: msg }, { operation: "FECAESolicitar", number, outcome: "UNKNOWN", error: e.message });
          throw new FiscalRetryableError(msg);
        }
        throw e;
      }
      const attempt = { operation: "FECAESolicitar", number, ...xml(res.exchange) };
      if (res.resultado === "A" && res.cae) {
        if (claimed.registerId) await noteCaeAvailable(tenantId, claimed.registerId);
        const row = await update(
          tenantId,
          claimed.id,
          {
            status: "ISSUED",
            cae: res.cae,
            caeDueDate: isoDate(res.caeFchVto ?? ""),
            observations: res.observations,
            errors: [],
            lastError: null,
            issuedAt: new Date(),
            ...xml(res.exchange),
          },
          { ...attempt, outcome: "ISSUED" },
        );
        return outcome(row);
      }
      const all = [...res.errors, ...res.observations];
      if (res.errors.some((e) => TRANSIENT_CODES.has(e.code))) {
        await update(
          tenantId,
          claimed.id,
          { status: "ERROR", number: null, issueDate: null, errors: res.errors, observations: res.observations, lastError: describe(all), ...xml(res.exchange) },
          { ...attempt, outcome: "ERROR" },
        );
        if (res.errors.some((e) => e.code === 600)) await invalidateAccessTicket(tenantId, creds);
        if (res.errors.some((e) => AVAILABILITY_CODES.has(e.code))) await unavailable();
        throw new FiscalRetryableError(describe(res.errors), res.errors.some((e) => e.code === 502) ? "60s" : undefined);
      }
      // Rejected: the number was not consumed at AFIP; release it.
      const row = await update(
        tenantId,
        claimed.id,
        {
          status: "REJECTED",
          number: null,
          errors: res.errors,
          observations: res.observations,
          lastError: describe(all) || "Rechazado por ARCA",
          ...xml(res.exchange),
        },
        { ...attempt, outcome: "REJECTED" },
      );
      return outcome(row, row.lastError ?? undefined);
    } catch (e) {
      if (e instanceof AfipTransportError || e instanceof AfipSoapFault) {
        await update(tenantId, doc.id, { status: "ERROR", lastError: `ARCA no disponible: ${e.message}` });
        await unavailable();
        throw new FiscalRetryableError(e.message);
      }
      throw e;
    }
  });
}

async function failTransient(tenantId: string, creds: Credentials, d: Doc, errors: AfipMsg[], ex: SoapExchange): Promise<never> {
  await update(tenantId, d.id, { status: "ERROR", errors, lastError: describe(errors) }, { operation: "FECompUltimoAutorizado", outcome: "ERROR", ...xml(ex) });
  if (errors.some((e) => e.code === 600)) await invalidateAccessTicket(tenantId, creds);
  throw new FiscalRetryableError(describe(errors));
}

/** Settle a document whose FECAESolicitar outcome is unknown. */
async function recover(tenantId: string, o: WsfeOptions, auth: Auth, d: Doc): Promise<void> {
  const n = d.number!;
  const last = await compUltimoAutorizado(o, auth, d.pointOfSale, d.cbteTipo!);
  if (last.errors.length) throw new FiscalRetryableError(describe(last.errors));
  if (last.cbteNro < n) {
    await update(tenantId, d.id, { number: null, issueDate: null }, { operation: "FECompUltimoAutorizado", number: n, outcome: "RECOVERY_NOT_AUTHORISED", ...xml(last.exchange) });
    return;
  }
  const got = await compConsultar(o, auth, d.cbteTipo!, n, d.pointOfSale);
  if (got.found && matches(d, got)) {
    await update(
      tenantId,
      d.id,
      { status: "ISSUED", cae: got.codAutorizacion, caeDueDate: isoDate(got.fchVto), lastError: null, errors: [], issuedAt: new Date(), responseXml: got.exchange.responseXml },
      { operation: "FECompConsultar", number: n, outcome: "RECOVERED", ...xml(got.exchange) },
    );
    return;
  }
  await update(tenantId, d.id, { number: null, issueDate: null }, { operation: "FECompConsultar", number: n, outcome: "RECOVERY_MISMATCH", ...xml(got.exchange) });
}

