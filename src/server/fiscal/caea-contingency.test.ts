import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import { fiscalDocuments } from "../db/schema/fiscal";
import { fiscalCaeas, fiscalRegisterContingency } from "../db/schema/caea";
import { registers } from "../db/schema/registers";
import { createTestCa } from "../afip/fake/certs";
import { startFakeAfip, type FakeAfip } from "../afip/fake/server";
import { requestFiscalDocument } from "./request-fiscal-document";
import { issueDocument } from "./issue-document";
import { requestCaeas } from "./request-caea";
import { savePointOfSale } from "./save-point-of-sale";
import { saveFiscalSettings } from "./save-fiscal-settings";
import { runCaeaMaintenance } from "./caea-maintenance";
import { correctCaeaDocument } from "./correct-caea-document";
import { getDocument } from "./get-document";
import { setRegisterContingency } from "./register-contingency";
import { getCaeaOverview } from "./caea-overview";
import { consumerSale, makeFiscalTenant } from "@/test/fiscal";

const ca = createTestCa();
let fake: FakeAfip;
// ARCA's clock and ours move together; a Wednesday in the first fortnight of December.
let clock = new Date("2026-12-02T12:00:00Z");
const at = (minutesFromStart: number) => new Date(Date.parse("2026-12-02T12:00:00Z") + minutesFromStart * 60_000);

beforeAll(async () => {
  fake = await startFakeAfip({ ca, now: () => clock });
  process.env.FAKE_AFIP_URL = fake.url;
  process.env.AFIP_TIMEOUT_MS = "10000";
});
afterAll(async () => {
  await fake.close();
});

const docs = (tenantId: string) => withTenant(tenantId, (tx) => tx.select().from(fiscalDocuments).orderBy(asc(fiscalDocuments.requestedAt)));
const sell = (tenantId: string, registerId: string, now: Date) =>
  withTenant(tenantId, (tx) => requestFiscalDocument(tx, consumerSale({ registerId, pointOfSale: 2 }), { now })).then((r) => r.documentId);
const qrJson = (url: string) => JSON.parse(Buffer.from(url.split("?p=")[1]!, "base64").toString("utf8"));

async function setup() {
  const t = await makeFiscalTenant(ca);
  await withTenant(t.tenantId, async (tx) => {
    await saveFiscalSettings(tx, { cuit: t.cuit, legalName: "Fiscal SA", ivaCondition: "RESPONSABLE_INSCRIPTO", environment: "FAKE", contingencyAfterMinutes: 30 });
    await savePointOfSale(tx, { number: 2, name: "Caja 1" });
    await savePointOfSale(tx, { number: 92, name: "Contingencia caja 1", emissionType: "CAEA", fallbackFor: 2 });
    await savePointOfSale(tx, { number: 93, name: "Contingencia caja 2", emissionType: "CAEA", fallbackFor: 3 });
  });
  return t;
}

describe("CAEA contingency: a 6-hour outage while a register keeps selling", () => {
  it("requests the CAEA ahead, numbers every sale of the outage under CAEA, reports all after recovery, and CAE resumes intact", async () => {
    const t = await setup();
    const register = randomUUID();

    // Four days before December's first fortnight: inside ARCA's 5-day window; the current one is asked too.
    clock = new Date("2026-11-27T12:00:00Z");
    const requested = await requestCaeas(t.tenantId, { now: clock });
    expect(requested).toEqual(
      expect.arrayContaining([expect.objectContaining({ period: 202612, fortnight: 1, status: "STORED" })]),
    );
    const [caea] = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalCaeas).where(eq(fiscalCaeas.period, 202612)));
    expect(caea).toMatchObject({ fortnight: 1, validFrom: "2026-12-01", validTo: "2026-12-15", reportDeadline: "2026-12-23" });
    // The local copy lost (or another system asked first): "already granted" → FECAEAConsultar.
    await withTenant(t.tenantId, (tx) => tx.delete(fiscalCaeas));
    const again = await requestCaeas(t.tenantId, { now: clock });
    expect(again.find((r) => r.period === 202612)).toMatchObject({ status: "STORED", caea: caea!.caea });
    expect(fake.calls.FECAEAConsultar).toBeGreaterThanOrEqual(1);

    // Before the outage: two CAE invoices (numbers 1 and 2 at point of sale 2).
    clock = at(-60);
    for (let i = 0; i < 2; i++) {
      const id = await sell(t.tenantId, register, clock);
      expect(await issueDocument(t.tenantId, id, { now: clock })).toMatchObject({ status: "ISSUED", number: i + 1 });
    }

    // The outage: WSFEv1 answers 503 for 6 hours. A sale every 20 minutes.
    fake.setOutage(true);
    const outageIds: string[] = [];
    for (let m = 0; m < 360; m += 20) {
      clock = at(m);
      const id = await sell(t.tenantId, register, clock);
      outageIds.push(id);
      const r = await issueDocument(t.tenantId, id, { now: clock }).catch((e: Error) => e);
      if (m < 30) expect(r).toBeInstanceOf(Error); // still trying CAE: within the configured 30 minutes
    }
    const during = (await docs(t.tenantId)).filter((d) => outageIds.includes(d.id));
    expect(during).toHaveLength(18);
    // Every sale of the outage has a CAEA document (the first two moved over when contingency began), gapless.
    expect(during.every((d) => d.authType === "CAEA" && d.status === "ISSUED" && d.pointOfSale === 92 && d.cae === caea!.caea)).toBe(true);
    expect(during.map((d) => d.number).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(during.every((d) => d.reportStatus === "PENDING" && d.generatedAt)).toBe(true);
    // Printed with the CAEA and the QR's tipoCodAut "A".
    const printed = await withTenant(t.tenantId, (tx) => getDocument(tx, during[5]!.id));
    expect(qrJson(printed.qr!.url)).toMatchObject({ ptoVta: 92, tipoCmp: 6, nroCmp: during[5]!.number, tipoCodAut: "A", codAut: Number(caea!.caea) });
    const [state] = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalRegisterContingency));
    expect(state).toMatchObject({ mode: "AUTO" });

    // While still down, the maintenance round reports nothing and stays in contingency.
    const down = await runCaeaMaintenance(t.tenantId, { now: at(300) });
    expect(down).toMatchObject({ recovered: false, reports: { reported: 0 } });

    // Recovery. ARCA will reject one record (receiver's document) the first time.
    fake.setOutage(false);
    const bad = during.find((d) => d.number === 7)!;
    fake.rejectCaeaRecord(92, 6, 7, [{ code: 10015, msg: "DocNro informado no válido para DocTipo." }]);
    clock = at(370);
    const up = await runCaeaMaintenance(t.tenantId, { now: clock });
    expect(up).toMatchObject({ recovered: true, reports: { reported: 17, rejected: 1 } });
    const rejected = (await docs(t.tenantId)).find((d) => d.id === bad.id)!;
    expect(rejected.reportStatus).toBe("REJECTED");
    expect(rejected.reportErrors).toEqual([{ code: 10015, msg: "DocNro informado no válido para DocTipo." }]);
    const overview = await withTenant(t.tenantId, (tx) => getCaeaOverview(tx, { now: clock }));
    expect(overview.rejected.map((r) => r.number)).toEqual([7]);
    expect(overview.share).toMatchObject({ underCaea: 18, documents: 20, warning: true, reached: true });

    // Corrected and re-reported; a second round sends nothing more.
    await withTenant(t.tenantId, (tx) =>
      correctCaeaDocument(tx, { id: bad.id, receiverDocType: 96, receiverDocNumber: "30111222", receiverIvaCondition: 5, receiverName: "Ana Pérez" }),
    );
    expect(await runCaeaMaintenance(t.tenantId, { now: clock })).toMatchObject({ reports: { reported: 1, rejected: 0 } });
    const calls = fake.calls.FECAEARegInformativo;
    expect(await runCaeaMaintenance(t.tenantId, { now: clock })).toMatchObject({ reports: { reported: 0, rejected: 0 } });
    expect(fake.calls.FECAEARegInformativo).toBe(calls);
    const atArca = fake.caeaState().reported.filter((r) => r.cuit === t.cuit);
    expect(atArca.map((r) => r.nro).sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(atArca.find((r) => r.nro === 7)).toMatchObject({ docTipo: 96, docNro: "30111222" });
    // Generation times in Argentina (the sales ran 09:00–14:40 there), not UTC.
    expect(atArca.every((r) => /^20261202(09|1[0-4])\d{4}$/.test(r.hsGen))).toBe(true);
    expect((await docs(t.tenantId)).filter((d) => d.authType === "CAEA").every((d) => d.reportStatus === "REPORTED")).toBe(true);

    // Contingency ended by the probe: the next sale goes to CAE with its own numbering (3).
    const [after] = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalRegisterContingency));
    expect(after).toMatchObject({ mode: "OFF", unavailableSince: null });
    const next = await sell(t.tenantId, register, clock);
    expect(await issueDocument(t.tenantId, next, { now: clock })).toMatchObject({ status: "ISSUED", number: 3 });
    expect(fake.issued(t.cuit).filter((c) => c.ptoVta === 2).map((c) => c.nro)).toEqual([1, 2, 3]);

    // After the fortnight: "sin movimiento" for the idle CAEA point of sale 93 only, once.
    clock = new Date("2026-12-16T12:00:00Z");
    const closed = await runCaeaMaintenance(t.tenantId, { now: clock });
    expect(closed).toMatchObject({ noMovement: { informed: 1, failed: [] } });
    expect(fake.caeaState().noMovement.filter((n) => n.caea === caea!.caea).map((n) => n.ptoVta)).toEqual([93]);
    // November's second fortnight (requested together on 27/11) had no movement at either point of sale.
    expect(fake.caeaState().noMovement.filter((n) => n.cuit === t.cuit && n.caea !== caea!.caea).map((n) => n.ptoVta).sort()).toEqual([92, 93]);
    expect(await runCaeaMaintenance(t.tenantId, { now: clock })).toMatchObject({ noMovement: { informed: 0 } });
  }, 120_000);

  it("a supervisor can switch a register to CAEA at once and back", async () => {
    const t = await setup();
    const [{ id: register }] = (await withTenant(t.tenantId, (tx) => tx.select({ id: registers.id }).from(registers))) as [{ id: string }];
    clock = new Date("2026-12-02T12:00:00Z");
    await requestCaeas(t.tenantId, { now: clock });
    await withTenant(t.tenantId, (tx) => setRegisterContingency(tx, { registerId: register, on: true, reason: "Corte de internet" }, { userId: t.ownerId }));
    const id = await sell(t.tenantId, register, clock);
    const [d] = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalDocuments).where(and(eq(fiscalDocuments.id, id))));
    expect(d).toMatchObject({ authType: "CAEA", pointOfSale: 92, number: 1, status: "ISSUED" });
    await withTenant(t.tenantId, (tx) => setRegisterContingency(tx, { registerId: register, on: false }, { userId: t.ownerId }));
    const id2 = await sell(t.tenantId, register, clock);
    const [d2] = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalDocuments).where(eq(fiscalDocuments.id, id2)));
    expect(d2).toMatchObject({ authType: "CAE", status: "PENDING", number: null });
  });
});
