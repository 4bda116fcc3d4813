import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loginCms } from "./wsaa";
import { envelope } from "./soap";
import { checkAgainstWsdl } from "./wsdl-schema";
import {
  buildCaeaConsultarBody,
  buildCaeaRegInformativoBody,
  buildCaeaSolicitarBody,
  buildSinMovimientoBody,
  caeaConsultar,
  caeaRegInformativo,
  caeaSinMovimientoInformar,
  caeaSolicitar,
  type CaeaDetail,
} from "./wsfe-caea";
import { buildCondicionIvaReceptorBody, buildPtosVentaBody, paramPointsOfSale, paramReceiverConditions } from "./wsfe-params";
import { createTestCa, issueTestCertificate } from "./fake/certs";
import { startFakeAfip, type FakeAfip } from "./fake/server";

const CUIT = "20111111112";
const ca = createTestCa();
const cert = issueTestCertificate(ca, { cuit: CUIT });
let fake: FakeAfip;
let clock = new Date("2026-11-28T15:00:00Z");
let auth: { token: string; sign: string; cuit: string };
const o = () => ({ url: fake.endpoints.wsfe, timeoutMs: 10_000 });

beforeAll(async () => {
  fake = await startFakeAfip({ ca, now: () => clock });
  const t = await loginCms({ url: fake.endpoints.wsaa, service: "wsfe", ...cert });
  auth = { token: t.token, sign: t.sign, cuit: CUIT };
});
afterAll(async () => {
  await fake.close();
});

const det = (nro: number, caea: string, over: Partial<CaeaDetail> = {}): CaeaDetail => ({
  concepto: 1, docTipo: 99, docNro: "0", cbteDesde: nro, cbteHasta: nro, cbteFch: "20261202",
  impTotal: "121.00", impTotConc: "0", impNeto: "100.00", impOpEx: "0", impTrib: "0", impIva: "21.00",
  monId: "PES", monCotiz: "1", condicionIvaReceptorId: 5, iva: [{ id: 5, baseImp: "100.00", importe: "21.00" }],
  caea, cbteFchHsGen: "20261202103000", ...over,
});

describe("CAEA operations against the fake ARCA", () => {
  it("grants in the window before the fortnight, answers 'already granted', and FECAEAConsultar returns it", async () => {
    clock = new Date("2026-11-20T15:00:00Z"); // 11 days before 01/12: too early
    const early = await caeaSolicitar(o(), auth, 202612, 1);
    expect(early.caea).toBeNull();
    expect(early.errors[0]!.code).toBe(15006);
    clock = new Date("2026-11-28T15:00:00Z");
    const g = await caeaSolicitar(o(), auth, 202612, 1);
    expect(g.errors).toEqual([]);
    expect(g.caea).toMatch(/^\d{14}$/);
    expect(g).toMatchObject({ validFrom: "20261201", validTo: "20261215", reportDeadline: "20261223" });
    const again = await caeaSolicitar(o(), auth, 202612, 1);
    expect(again.caea).toBeNull();
    expect(again.errors[0]!.code).toBe(15008);
    const got = await caeaConsultar(o(), auth, 202612, 1);
    expect(got.caea).toBe(g.caea);
  });

  it("reports records one by one: a partly rejected batch, duplicates refused, sin movimiento once", async () => {
    const { caea } = await caeaConsultar(o(), auth, 202612, 1);
    clock = new Date("2026-12-03T12:00:00Z");
    fake.rejectCaeaRecord(90, 6, 2, [{ code: 10015, msg: "DocNro inválido" }]);
    const r = await caeaRegInformativo(o(), auth, { ptoVta: 90, cbteTipo: 6, details: [det(1, caea!), det(2, caea!), det(3, caea!)] });
    expect(r.resultado).toBe("P");
    expect(r.records.map((x) => x.resultado)).toEqual(["A", "R", "A"]);
    expect(r.records[1]!.observations).toEqual([{ code: 10015, msg: "DocNro inválido" }]);
    const dup = await caeaRegInformativo(o(), auth, { ptoVta: 90, cbteTipo: 6, details: [det(1, caea!), det(2, caea!)] });
    expect(dup.records.map((x) => x.resultado)).toEqual(["R", "A"]);
    expect(dup.records[0]!.observations[0]!.code).toBe(1005);
    expect((await caeaSinMovimientoInformar(o(), auth, 90, caea!)).resultado).toBe("R");
    expect((await caeaSinMovimientoInformar(o(), auth, 91, caea!)).resultado).toBe("A");
    expect((await caeaSinMovimientoInformar(o(), auth, 91, caea!)).resultado).toBe("R");
    clock = new Date("2026-12-24T12:00:00Z"); // past FchTopeInf
    const late = await caeaRegInformativo(o(), auth, { ptoVta: 90, cbteTipo: 6, details: [det(4, caea!)] });
    expect(late.records[0]!.observations[0]!.code).toBe(1003);
  });

  it("lists points of sale with their emission type and the receiver IVA conditions", async () => {
    fake.setPointsOfSale(CUIT, [{ nro: 2, emisionTipo: "CAE" }, { nro: 90, emisionTipo: "CAEA" }, { nro: 4, emisionTipo: "CAE", bloqueado: true }]);
    const p = await paramPointsOfSale(o(), auth);
    expect(p.pointsOfSale).toEqual([
      { number: 2, emissionType: "CAE", blocked: false, droppedOn: null },
      { number: 90, emissionType: "CAEA", blocked: false, droppedOn: null },
      { number: 4, emissionType: "CAE", blocked: true, droppedOn: null },
    ]);
    const c = await paramReceiverConditions(o(), auth);
    expect(c.conditions.find((x) => x.id === 5)).toMatchObject({ description: "Consumidor Final" });
  });

  it("every new request validates against the official WSDL's schema", () => {
    const a = { token: "T", sign: "S", cuit: CUIT };
    const bodies = [
      buildCaeaSolicitarBody(a, 202612, 1),
      buildCaeaConsultarBody(a, 202612, 2),
      buildCaeaRegInformativoBody(a, { ptoVta: 90, cbteTipo: 6, details: [det(1, "31234567890123"), det(2, "31234567890123")] }),
      buildSinMovimientoBody(a, 91, "31234567890123"),
      buildPtosVentaBody(a),
      buildCondicionIvaReceptorBody(a, "B"),
    ];
    for (const b of bodies) expect(checkAgainstWsdl(envelope(b))).toEqual([]);
    // and the checker would notice CAEA placed before the detail's base fields
    const bad = envelope(buildCaeaRegInformativoBody(a, { ptoVta: 90, cbteTipo: 6, details: [det(1, "31234567890123")] })).replace(
      "<ar:Concepto>1</ar:Concepto>",
      "<ar:CAEA>1</ar:CAEA><ar:Concepto>1</ar:Concepto>",
    );
    expect(checkAgainstWsdl(bad).length).toBeGreaterThan(0);
  });
});
