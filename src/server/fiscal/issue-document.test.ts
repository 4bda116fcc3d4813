import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { InngestTestEngine } from "@inngest/test";
import { withTenant } from "../db/with-tenant";
import { fiscalDocumentAttempts, fiscalDocuments, wsaaTickets } from "../db/schema/fiscal";
import { createTestCa } from "../afip/fake/certs";
import { startFakeAfip, type FakeAfip } from "../afip/fake/server";
import { issueDocument } from "./issue-document";
import { requestCreditNote } from "./request-credit-note";
import { FiscalRetryableError } from "./retryable";
import { issueFiscalDocument } from "@/inngest/functions/issue-fiscal-document";
import { sweepPendingDocuments } from "@/inngest/functions/sweep-pending-documents";
import { fiscalEvent } from "./events";
import { adminSql } from "@/test/factories";
import { consumerSale, makeFiscalTenant, requestDoc } from "@/test/fiscal";

const ca = createTestCa();
let fake: FakeAfip;

beforeAll(async () => {
  fake = await startFakeAfip({ ca });
  process.env.FAKE_AFIP_URL = fake.url;
  process.env.AFIP_TIMEOUT_MS = "10000";
});
afterAll(async () => {
  await fake.close();
});

const getDoc = (tenantId: string, id: string) =>
  withTenant(tenantId, async (tx) => (await tx.select().from(fiscalDocuments).where(eq(fiscalDocuments.id, id)))[0]!);

/** What the fake AFIP holds for point of sale 2 of a CUIT. */
const series2 = (cuit: string) => fake.issued(cuit).filter((c) => c.ptoVta === 2);

/** Run `fn` with a short AFIP deadline (for the timeout scenarios only: a loaded machine needs the long one). */
async function withShortDeadline<T>(fn: () => Promise<T>): Promise<T> {
  process.env.AFIP_TIMEOUT_MS = "700";
  try {
    return await fn();
  } finally {
    process.env.AFIP_TIMEOUT_MS = "10000";
  }
}

async function runFunction(tenantId: string, documentId: string) {
  const doc = await getDoc(tenantId, documentId);
  const t = new InngestTestEngine({ function: issueFiscalDocument });
  return t.execute({ events: [{ ...fiscalEvent(tenantId, doc), id: `evt-${documentId}` }] });
}

describe("issuing through the Inngest function against the fake AFIP", () => {
  it("issues Factura B to a consumidor final with IVA per aliquot, CAE and audit XML", async () => {
    const t = await makeFiscalTenant(ca);
    const id = await requestDoc(t.tenantId, consumerSale());
    expect((await getDoc(t.tenantId, id)).status).toBe("PENDING");
    const { result, error } = await runFunction(t.tenantId, id);
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ status: "ISSUED", number: 1 });
    const doc = await getDoc(t.tenantId, id);
    expect(doc).toMatchObject({ status: "ISSUED", cbteTipo: 6, number: 1, pointOfSale: 2, total: "8917.50" });
    expect(doc.cae).toMatch(/^\d{14}$/);
    expect(doc.caeDueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // 7260 gross at 21 % → 6000 + 1260; 1657.50 gross at 10.5 % → 1500 + 157.50
    expect(doc.ivaBreakdown).toEqual([
      { id: 5, rate: "21", base: "6000.00", amount: "1260.00" },
      { id: 4, rate: "10.5", base: "1500.00", amount: "157.50" },
    ]);
    expect(doc.netAmount).toBe("7500.00");
    expect(doc.ivaAmount).toBe("1417.50");
    expect(doc.requestXml).toContain("<ar:CondicionIVAReceptorId>5</ar:CondicionIVAReceptorId>");
    // The WSAA credentials are not kept in the audit copy.
    expect(doc.requestXml).toContain("<ar:Token>[redactado]</ar:Token><ar:Sign>[redactado]</ar:Sign>");
    const [ticket] = await withTenant(t.tenantId, (tx) => tx.select().from(wsaaTickets));
    const { decryptSecret } = await import("./key-encryption");
    expect(ticket!.token).toMatch(/^v1:/); // encrypted at rest
    expect(doc.requestXml).not.toContain(decryptSecret(ticket!.token!));
    expect(doc.responseXml).toContain(doc.cae!);
    const [stored] = fake.issued(t.cuit);
    expect(stored).toMatchObject({ cbteTipo: 6, nro: 1, impTotal: "8917.50", impNeto: "7500.00", impIva: "1417.50", docTipo: 99 });
  });

  it("issues Factura A to a Responsable Inscripto and Factura C from a Monotributo", async () => {
    const ri = await makeFiscalTenant(ca);
    const a = await requestDoc(
      ri.tenantId,
      consumerSale({ receiver: { docType: 80, docNumber: "30-50001091-2", ivaCondition: "RESPONSABLE_INSCRIPTO", name: "Cliente SA" } }),
    );
    await runFunction(ri.tenantId, a);
    expect(await getDoc(ri.tenantId, a)).toMatchObject({ status: "ISSUED", cbteTipo: 1, number: 1, receiverDocNumber: "30500010912" });
    expect(fake.issued(ri.cuit)[0]).toMatchObject({ cbteTipo: 1, docTipo: 80, condicionIvaReceptorId: 1 });

    const mono = await makeFiscalTenant(ca, "MONOTRIBUTO");
    const c = await requestDoc(mono.tenantId, consumerSale());
    await runFunction(mono.tenantId, c);
    const doc = await getDoc(mono.tenantId, c);
    expect(doc).toMatchObject({ status: "ISSUED", cbteTipo: 11, number: 1, netAmount: "8917.50", ivaAmount: "0.00", ivaBreakdown: [] });
    expect(doc.requestXml).not.toContain("<ar:Iva>");
  });

  it("stores AFIP's observations on rejection and releases the number", async () => {
    const t = await makeFiscalTenant(ca);
    const id = await requestDoc(t.tenantId, consumerSale());
    fake.next("FECAESolicitar", { kind: "reject", observations: [{ code: 10015, msg: "Receptor inválido" }] });
    const { result } = await runFunction(t.tenantId, id);
    expect(result).toMatchObject({ status: "REJECTED" });
    const doc = await getDoc(t.tenantId, id);
    expect(doc.status).toBe("REJECTED");
    expect(doc.number).toBeNull();
    expect(doc.observations).toEqual([{ code: 10015, msg: "Receptor inválido" }]);
    expect(doc.lastError).toContain("Receptor inválido");
    const attempts = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalDocumentAttempts).where(eq(fiscalDocumentAttempts.documentId, id)));
    expect(attempts.map((a) => a.outcome)).toEqual(["REJECTED"]);
    expect(attempts[0]!.responseXml).toContain("Receptor inválido");
    // The next document takes number 1: a rejection consumes nothing.
    const next = await requestDoc(t.tenantId, consumerSale());
    await runFunction(t.tenantId, next);
    expect((await getDoc(t.tenantId, next)).number).toBe(1);
  });
});

describe("recovery, serialization, tickets", () => {
  it("after a timeout where AFIP did authorise, recovers the CAE with FECompConsultar instead of issuing twice", async () => {
    const t = await makeFiscalTenant(ca);
    const id = await requestDoc(t.tenantId, consumerSale());
    await issueDocument(t.tenantId, await requestDoc(t.tenantId, consumerSale({ pointOfSale: 7 }))); // ticket in hand
    fake.next("FECAESolicitar", { kind: "timeout", process: true, ms: 5000 });
    const first = await withShortDeadline(() => issueDocument(t.tenantId, id)).catch((e) => e);
    expect(first).toBeInstanceOf(FiscalRetryableError);
    const pending = await getDoc(t.tenantId, id);
    expect(pending).toMatchObject({ status: "ERROR", number: 1 });
    expect(series2(t.cuit)).toHaveLength(1);
    const solicitudes = fake.calls.FECAESolicitar;

    const { result } = await runFunction(t.tenantId, id); // the retry
    expect(result).toMatchObject({ status: "ISSUED", number: 1 });
    expect(fake.calls.FECAESolicitar).toBe(solicitudes); // recovered, not re-sent
    expect(series2(t.cuit)).toHaveLength(1);
    expect((await getDoc(t.tenantId, id)).cae).toBe(series2(t.cuit)[0]!.cae);
  });

  it("a timeout where AFIP did not authorise re-sends with the right number, even after another document went first", async () => {
    const t = await makeFiscalTenant(ca);
    const x = await requestDoc(t.tenantId, consumerSale());
    const y = await requestDoc(t.tenantId, consumerSale());
    await issueDocument(t.tenantId, await requestDoc(t.tenantId, consumerSale({ pointOfSale: 7 }))); // ticket in hand
    fake.next("FECAESolicitar", { kind: "timeout", ms: 5000 });
    await expect(withShortDeadline(() => issueDocument(t.tenantId, x))).rejects.toBeInstanceOf(FiscalRetryableError);
    expect(await getDoc(t.tenantId, x)).toMatchObject({ status: "ERROR", number: 1 });
    // Y runs next: it first settles X (not authorised → number released), then takes 1.
    expect(await issueDocument(t.tenantId, y)).toMatchObject({ status: "ISSUED", number: 1 });
    expect(await issueDocument(t.tenantId, x)).toMatchObject({ status: "ISSUED", number: 2 });
    expect(series2(t.cuit).map((c) => c.nro)).toEqual([1, 2]);
  });

  it("lost response after authorisation: the next document of the series settles it first", async () => {
    const t = await makeFiscalTenant(ca);
    const x = await requestDoc(t.tenantId, consumerSale({ total: "100.00", lines: [{ description: "A", quantity: "1", unitPrice: "100", ivaRate: "21" }] }));
    const y = await requestDoc(t.tenantId, consumerSale({ total: "100.00", lines: [{ description: "A", quantity: "1", unitPrice: "100", ivaRate: "21" }] }));
    fake.next("FECAESolicitar", { kind: "lose-response" });
    await expect(issueDocument(t.tenantId, x)).rejects.toBeInstanceOf(FiscalRetryableError);
    expect(await issueDocument(t.tenantId, y)).toMatchObject({ status: "ISSUED", number: 2 });
    expect(await getDoc(t.tenantId, x)).toMatchObject({ status: "ISSUED", number: 1 });
    expect(fake.issued(t.cuit)).toHaveLength(2);
  });

  it("20 documents requested concurrently for one point of sale get consecutive numbers, no gaps, no duplicates", async () => {
    const t = await makeFiscalTenant(ca);
    const ids = await Promise.all(Array.from({ length: 20 }, () => requestDoc(t.tenantId, consumerSale({ pointOfSale: 5 }))));
    // 20 Inngest runs at once (the test engine does not apply the concurrency key: the series lock is what serializes here).
    const runs = await Promise.all(ids.map((id) => runFunction(t.tenantId, id)));
    expect(runs.map((r) => r.error)).toEqual(ids.map(() => undefined));
    const results = runs.map((r) => r.result as { status: string; number: number | null });
    expect(results.every((r) => r.status === "ISSUED")).toBe(true);
    const numbers = results.map((r) => r.number!).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(fake.issued(t.cuit).map((c) => c.nro).sort((a, b) => a - b)).toEqual(numbers);
    const rows = await withTenant(t.tenantId, (tx) => tx.select().from(wsaaTickets));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.loginCount).toBe(1); // one WSAA login shared by 20 concurrent workers
  });

  it("reuses the WSAA ticket until it expires, then logs in again", async () => {
    const t = await makeFiscalTenant(ca);
    const before = fake.calls.loginCms ?? 0;
    for (let i = 0; i < 3; i++) await issueDocument(t.tenantId, await requestDoc(t.tenantId, consumerSale()));
    expect(fake.calls.loginCms).toBe(before + 1);
    // Expire it on both sides (AFIP's 12 h passed).
    fake.expireTickets();
    await withTenant(t.tenantId, (tx) => tx.update(wsaaTickets).set({ expiresAt: new Date(Date.now() - 1000) }));
    await issueDocument(t.tenantId, await requestDoc(t.tenantId, consumerSale()));
    expect(fake.calls.loginCms).toBe(before + 2);
    const [row] = await withTenant(t.tenantId, (tx) => tx.select().from(wsaaTickets));
    expect(row!.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
  });
});

describe("WSAA near expiry", () => {
  it("keeps using a still-valid ticket when AFIP refuses the early renewal (coe.alreadyAuthenticated)", async () => {
    const t = await makeFiscalTenant(ca);
    await issueDocument(t.tenantId, await requestDoc(t.tenantId, consumerSale()));
    // Our copy says 5 minutes left (inside the renewal window); AFIP still holds it as valid.
    await withTenant(t.tenantId, (tx) => tx.update(wsaaTickets).set({ expiresAt: new Date(Date.now() + 5 * 60_000) }));
    const logins = fake.calls.loginCms ?? 0;
    expect(await issueDocument(t.tenantId, await requestDoc(t.tenantId, consumerSale()))).toMatchObject({ status: "ISSUED", number: 2 });
    expect(fake.calls.loginCms).toBe(logins + 1); // one renewal attempt, refused
    const [row] = await withTenant(t.tenantId, (tx) => tx.select().from(wsaaTickets));
    expect(row!.lastFault).toContain("coe.alreadyAuthenticated");
    expect(row!.loginCount).toBe(1);
    // Within the cooldown no new attempt is made, and issuing still works.
    expect(await issueDocument(t.tenantId, await requestDoc(t.tenantId, consumerSale()))).toMatchObject({ status: "ISSUED", number: 3 });
    expect(fake.calls.loginCms).toBe(logins + 1);
  });
});

describe("credit notes and the sweep", () => {
  it("a credit note after a void references the invoice and waits for its CAE", async () => {
    const t = await makeFiscalTenant(ca);
    const sale = consumerSale();
    const inv = await requestDoc(t.tenantId, sale);
    const nc = await withTenant(t.tenantId, (tx) => requestCreditNote(tx, { saleId: sale.saleId as string }));
    expect(nc).not.toBeNull();
    // Invoice not issued yet: the credit note waits (retryable).
    await expect(issueDocument(t.tenantId, nc!.documentId)).rejects.toBeInstanceOf(FiscalRetryableError);
    // If Inngest's retries ran out meanwhile, the failure handler leaves it in ERROR with the reason…
    const { markIssueFailed } = await import("./mark-issue-failed");
    await markIssueFailed(t.tenantId, nc!.documentId, "La factura original todavía no tiene CAE");
    expect(await getDoc(t.tenantId, nc!.documentId)).toMatchObject({ status: "ERROR", lastError: expect.stringContaining("Se agotaron") });
    // …and a later run still issues it once the invoice has its CAE.
    await runFunction(t.tenantId, inv);
    const { result } = await runFunction(t.tenantId, nc!.documentId);
    expect(result).toMatchObject({ status: "ISSUED", number: 1 });
    const doc = await getDoc(t.tenantId, nc!.documentId);
    expect(doc).toMatchObject({ cbteTipo: 8, originalDocumentId: inv, total: "8917.50" });
    expect(doc.requestXml).toMatch(/<ar:CbtesAsoc><ar:CbteAsoc><ar:Tipo>6<\/ar:Tipo><ar:PtoVta>2<\/ar:PtoVta><ar:Nro>1<\/ar:Nro>/);
    // Idempotent; and a sale without a document has no credit note.
    expect(await withTenant(t.tenantId, (tx) => requestCreditNote(tx, { saleId: sale.saleId as string }))).toEqual(nc);
    expect(await withTenant(t.tenantId, (tx) => requestCreditNote(tx, { saleId: crypto.randomUUID() }))).toBeNull();
  });

  it("the sweep re-requests a document whose event was lost", async () => {
    const t = await makeFiscalTenant(ca);
    const id = await requestDoc(t.tenantId, consumerSale()); // no event sent
    const admin = adminSql();
    await admin`update fiscal_documents set updated_at = now() - interval '10 minutes' where id = ${id}`;
    await admin.end();
    const fresh = await requestDoc(t.tenantId, consumerSale()); // too recent to sweep
    const sweep = new InngestTestEngine({ function: sweepPendingDocuments });
    // Capture the events instead of sending them to an Inngest server.
    const sent: { data: { documentId: string; seriesKey: string } }[] = [];
    const { result, error } = await sweep.execute({
      events: [{ name: "inngest/scheduled.timer", data: {} }],
      transformCtx: (ctx) => {
        const step = ctx.step as unknown as Record<string, unknown>;
        step.sendEvent = async (_id: string, evs: unknown) => {
          sent.push(...([evs].flat() as typeof sent));
          return { ids: [] };
        };
        return ctx;
      },
    });
    expect(error).toBeUndefined();
    const mine = sent.filter((e) => [id, fresh].includes(e.data.documentId));
    expect(mine.map((e) => e.data.documentId)).toEqual([id]);
    expect(mine[0]!.data.seriesKey).toBe(`${t.tenantId}:2:6`);
    expect(result).toMatchObject({ requested: expect.any(Number) });
    const { result: issued } = await runFunction(t.tenantId, id);
    expect(issued).toMatchObject({ status: "ISSUED" });
  });

  it("documents without fiscal settings wait and explain why", async () => {
    const { makeTenant } = await import("@/test/factories");
    const t = await makeTenant();
    const id = await requestDoc(t.tenantId, consumerSale());
    const doc = await getDoc(t.tenantId, id);
    expect(doc).toMatchObject({ status: "PENDING", cbteTipo: null });
    const out = await issueDocument(t.tenantId, id);
    expect(out.status).toBe("ERROR");
    expect((await getDoc(t.tenantId, id)).lastError).toContain("Configuración fiscal");
  });
});

describe("request contract", () => {
  it("accepts POS lines as line totals with a ticket discount and is idempotent per sale", async () => {
    const t = await makeFiscalTenant(ca);
    const input = consumerSale({
      lines: [
        { description: "Café", quantity: "3", lineTotal: "3000.00", ivaRate: "21.00" },
        { description: "Medialuna", quantity: "3", lineTotal: "1000", ivaRate: "10.5" },
      ],
      total: "3600.00", // 10 % ticket discount
    });
    const id = await requestDoc(t.tenantId, input);
    expect(await requestDoc(t.tenantId, input)).toBe(id);
    const doc = await getDoc(t.tenantId, id);
    expect(doc.lines[0]).toMatchObject({ quantity: "3.000", unitPrice: "1000.0000", lineTotal: "3000.00", ivaRate: "21" });
    expect(doc.ivaBreakdown).toEqual([
      { id: 5, rate: "21", base: "2231.40", amount: "468.60" },
      { id: 4, rate: "10.5", base: "814.48", amount: "85.52" },
    ]);
    expect(await issueDocument(t.tenantId, id)).toMatchObject({ status: "ISSUED" });
  });
});

describe("sendFiscalEvent", () => {
  it("never throws and returns quickly when no Inngest server is reachable (the document stays PENDING)", async () => {
    const { sendFiscalEvent } = await import("./events");
    const t = await makeFiscalTenant(ca);
    const id = await requestDoc(t.tenantId, consumerSale());
    const started = Date.now();
    expect(await sendFiscalEvent(id, t.tenantId)).toBe(false);
    // bounded by the send timeout (800 ms), with room for a loaded machine: it must not hang on the network
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await getDoc(t.tenantId, id)).status).toBe("PENDING");
  });
});

describe("services", () => {
  it("a hotel stay is Concepto 2 with service dates and payment due date; mixed lines are Concepto 3", async () => {
    const t = await makeFiscalTenant(ca);
    const stay = await requestDoc(
      t.tenantId,
      consumerSale({ lines: [{ description: "Habitación doble", quantity: "2", unitPrice: "60500", ivaRate: "21", isService: true }], total: "121000" }),
    );
    expect(await issueDocument(t.tenantId, stay)).toMatchObject({ status: "ISSUED" });
    const doc = await getDoc(t.tenantId, stay);
    expect(doc.concept).toBe(2);
    const d = doc.issueDate!.replace(/-/g, "");
    expect(doc.requestXml).toContain(`<ar:FchServDesde>${d}</ar:FchServDesde><ar:FchServHasta>${d}</ar:FchServHasta><ar:FchVtoPago>${d}</ar:FchVtoPago>`);
    const mixed = await requestDoc(
      t.tenantId,
      consumerSale({
        lines: [
          { description: "Habitación", quantity: "1", unitPrice: "60500", ivaRate: "21", isService: true },
          { description: "Agua mineral", quantity: "1", unitPrice: "1210", ivaRate: "21" },
        ],
        total: "61710",
      }),
    );
    expect(await issueDocument(t.tenantId, mixed)).toMatchObject({ status: "ISSUED", number: 2 });
    expect((await getDoc(t.tenantId, mixed)).concept).toBe(3);
  });
});
