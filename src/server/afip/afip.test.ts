import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClientAsync } from "soap";
import path from "node:path";
import { isValidCuit } from "./cuit";
import { documentLetter, cbteTipoFor } from "./document-type";
import { computeAmounts } from "./amounts";
import { afipQrUrl } from "./qr";
import { loginCms } from "./wsaa";
import { AfipSoapFault, AfipTransportError } from "./soap";
import { buildSolicitarBody, caeSolicitar, compConsultar, compUltimoAutorizado, feDummy, type CaeRequest } from "./wsfe";
import { checkAgainstWsdl } from "./wsdl-schema";
import { envelope } from "./soap";
import { createTestCa, issueTestCertificate } from "./fake/certs";
import { startFakeAfip, type FakeAfip } from "./fake/server";

const CUIT = "20111111112";
let fake: FakeAfip;
const ca = createTestCa();
const cert = issueTestCertificate(ca, { cuit: CUIT });

beforeAll(async () => {
  fake = await startFakeAfip({ ca });
});
afterAll(async () => {
  await fake.close();
});

const detail = (nro: number, over: Partial<CaeRequest["detail"]> = {}): CaeRequest => ({
  ptoVta: 3,
  cbteTipo: 6,
  detail: {
    concepto: 1,
    docTipo: 99,
    docNro: "0",
    cbteDesde: nro,
    cbteHasta: nro,
    cbteFch: "20261124",
    impTotal: "121.00",
    impTotConc: "0",
    impNeto: "100.00",
    impOpEx: "0",
    impTrib: "0",
    impIva: "21.00",
    monId: "PES",
    monCotiz: "1",
    condicionIvaReceptorId: 5,
    iva: [{ id: 5, baseImp: "100.00", importe: "21.00" }],
    ...over,
  },
});

describe("pure rules", () => {
  it("validates CUIT check digits", () => {
    expect(isValidCuit("20-11111111-2")).toBe(true);
    expect(isValidCuit("30-71234567-1")).toBe(isValidCuit("30712345671"));
    expect(isValidCuit("20111111113")).toBe(false);
    expect(isValidCuit("2011111111")).toBe(false);
    expect(isValidCuit("30500010912")).toBe(true); // a real published CUIT
  });

  it("chooses the letter from emitter and receiver IVA conditions", () => {
    expect(documentLetter("RESPONSABLE_INSCRIPTO", 1)).toBe("A");
    expect(documentLetter("RESPONSABLE_INSCRIPTO", 6)).toBe("A");
    expect(documentLetter("RESPONSABLE_INSCRIPTO", 5)).toBe("B");
    expect(documentLetter("RESPONSABLE_INSCRIPTO", 4)).toBe("B");
    expect(documentLetter("MONOTRIBUTO", 1)).toBe("C");
    expect(documentLetter("EXENTO", 5)).toBe("C");
    expect(cbteTipoFor("INVOICE", "B")).toBe(6);
    expect(cbteTipoFor("CREDIT_NOTE", "A")).toBe(3);
    expect(cbteTipoFor("CREDIT_NOTE", "C")).toBe(13);
  });

  it("splits gross lines into net and IVA per aliquot in decimals", () => {
    const a = computeAmounts(
      [
        { quantity: "3", unitPrice: "0.10", ivaRate: "21" },
        { quantity: "1", unitPrice: "110.50", ivaRate: "10.5" },
        { quantity: "2", unitPrice: "50", ivaRate: "0.21" },
      ],
      "210.80",
      "B",
    );
    expect(a.total).toBe("210.80");
    expect(a.ivaBreakdown).toEqual([
      { id: 5, rate: "21", base: "82.89", amount: "17.41" },
      { id: 4, rate: "10.5", base: "100.00", amount: "10.50" },
    ]);
    expect(a.net).toBe("182.89");
    expect(a.iva).toBe("27.91");
    // A sale-level discount is spread pro rata; totals still add up to the cent.
    const d = computeAmounts([{ quantity: "1", unitPrice: "100", ivaRate: "21" }, { quantity: "1", unitPrice: "100", ivaRate: "10.5" }], "180.01", "A");
    expect(Number(d.net) + Number(d.iva)).toBeCloseTo(180.01, 5);
    expect(d.ivaBreakdown.map((x) => x.id)).toEqual([5, 4]);
    const c = computeAmounts([{ quantity: "1", unitPrice: "121", ivaRate: "21" }], "121", "C");
    expect(c).toMatchObject({ net: "121.00", iva: "0.00", ivaBreakdown: [] });
    expect(() => computeAmounts([{ quantity: "1", unitPrice: "1", ivaRate: "19" }], "1", "B")).toThrow();
  });

  it("builds the RG 4291 QR URL", () => {
    const url = afipQrUrl({
      date: "2026-11-24", cuit: CUIT, pointOfSale: 3, cbteTipo: 6, number: 12, total: "121.00",
      receiverDocType: 99, receiverDocNumber: "0", cae: "71234567890123",
    });
    expect(url.startsWith("https://www.afip.gob.ar/fe/qr/?p=")).toBe(true);
    const json = JSON.parse(Buffer.from(url.split("?p=")[1]!, "base64").toString("utf8"));
    expect(json).toEqual({
      ver: 1, fecha: "2026-11-24", cuit: 20111111112, ptoVta: 3, tipoCmp: 6, nroCmp: 12, importe: 121,
      moneda: "PES", ctz: 1, tipoDocRec: 99, nroDocRec: 0, tipoCodAut: "E", codAut: 71234567890123,
    });
  });
});

describe("WSAA against the fake", () => {
  it("logs in with a CMS signed by a trusted certificate, then refuses a second login", async () => {
    const t = await loginCms({ url: fake.endpoints.wsaa, service: "wsfe", ...cert });
    expect(t.token.length).toBeGreaterThan(20);
    expect(t.expirationTime.getTime()).toBeGreaterThan(Date.now() + 11 * 3600_000);
    const again = await loginCms({ url: fake.endpoints.wsaa, service: "wsfe", ...cert }).catch((e) => e);
    expect(again).toBeInstanceOf(AfipSoapFault);
    expect((again as AfipSoapFault).faultCode).toBe("coe.alreadyAuthenticated");
  });

  it("rejects a certificate not issued by the CA", async () => {
    const rogue = issueTestCertificate(createTestCa("Otra CA"), { cuit: "20222222223" });
    const e = await loginCms({ url: fake.endpoints.wsaa, service: "wsfe", ...rogue }).catch((x) => x);
    expect(e).toBeInstanceOf(AfipSoapFault);
    expect((e as AfipSoapFault).faultCode).toBe("cms.cert.untrusted");
  });
});

describe("WSFEv1 against the fake", () => {
  let auth: { token: string; sign: string; cuit: string };
  const o = () => ({ url: fake.endpoints.wsfe, timeoutMs: 10_000 });
  beforeAll(async () => {
    fake.expireTickets();
    const t = await loginCms({ url: fake.endpoints.wsaa, service: "wsfe", ...cert });
    auth = { token: t.token, sign: t.sign, cuit: CUIT };
  });

  it("numbers consecutively, enforces 10016 and 10048, and answers FECompConsultar", async () => {
    expect((await feDummy(o())).appServer).toBe("OK");
    expect((await compUltimoAutorizado(o(), auth, 3, 6)).cbteNro).toBe(0);
    const ok = await caeSolicitar(o(), auth, detail(1));
    expect(ok.resultado).toBe("A");
    expect(ok.cae).toMatch(/^\d{14}$/);
    expect(ok.caeFchVto).toMatch(/^\d{8}$/);
    expect((await compUltimoAutorizado(o(), auth, 3, 6)).cbteNro).toBe(1);
    const dup = await caeSolicitar(o(), auth, detail(1));
    expect(dup.resultado).toBe("R");
    expect(dup.errors.map((e) => e.code)).toEqual([10016]);
    const bad = await caeSolicitar(o(), auth, detail(2, { impTotal: "122.00" }));
    expect(bad.errors.map((e) => e.code)).toEqual([10048]);
    const got = await compConsultar(o(), auth, 6, 1, 3);
    expect(got.found && got.codAutorizacion).toBe(ok.cae);
    const none = await compConsultar(o(), auth, 6, 9, 3);
    expect(none.found).toBe(false);
    expect(none.errors[0]!.code).toBe(602);
    const noToken = await compUltimoAutorizado(o(), { ...auth, token: "x" }, 3, 6);
    expect(noToken.errors[0]!.code).toBe(600);
  });

  it("can be told to reject, time out, or authorise and lose the response", async () => {
    fake.next("FECAESolicitar", { kind: "reject", observations: [{ code: 10015, msg: "Documento inválido" }] });
    const r = await caeSolicitar(o(), auth, detail(2));
    expect(r.resultado).toBe("R");
    expect(r.observations).toEqual([{ code: 10015, msg: "Documento inválido" }]);

    fake.next("FECAESolicitar", { kind: "timeout", ms: 5000 });
    const t = await caeSolicitar({ ...o(), timeoutMs: 300 }, auth, detail(2)).catch((e) => e);
    expect(t).toBeInstanceOf(AfipTransportError);
    expect((t as AfipTransportError).kind).toBe("TIMEOUT");
    expect((await compUltimoAutorizado(o(), auth, 3, 6)).cbteNro).toBe(1);

    fake.next("FECAESolicitar", { kind: "lose-response" });
    const lost = await caeSolicitar(o(), auth, detail(2)).catch((e) => e);
    expect(lost).toBeInstanceOf(AfipTransportError);
    expect((await compUltimoAutorizado(o(), auth, 3, 6)).cbteNro).toBe(2);
  });
});

describe("requests validate against the official WSDL", () => {
  const auth = { token: "T", sign: "S", cuit: CUIT };
  it("our FECAESolicitar body passes, including CondicionIVAReceptorId and CbtesAsoc", () => {
    const req = detail(5, { cbtesAsoc: [{ tipo: 6, ptoVta: 3, nro: 4, cuit: CUIT, cbteFch: "20261124" }] });
    expect(checkAgainstWsdl(envelope(buildSolicitarBody(auth, req)))).toEqual([]);
    expect(envelope(buildSolicitarBody(auth, req))).toContain("<ar:CondicionIVAReceptorId>5</ar:CondicionIVAReceptorId>");
  });

  it("the checker catches wrong order, unknown names and wrong namespace", () => {
    const good = envelope(buildSolicitarBody(auth, detail(5)));
    const swapped = good.replace(/<ar:ImpNeto>100.00<\/ar:ImpNeto><ar:ImpOpEx>0.00<\/ar:ImpOpEx>/, "<ar:ImpOpEx>0.00</ar:ImpOpEx><ar:ImpNeto>100.00</ar:ImpNeto>");
    expect(swapped).not.toBe(good);
    expect(checkAgainstWsdl(swapped).length).toBeGreaterThan(0);
    expect(checkAgainstWsdl(good.replace("<ar:MonId>PES</ar:MonId>", "<ar:Moneda>PES</ar:Moneda>")).length).toBeGreaterThan(0);
    expect(checkAgainstWsdl(good.replace('xmlns:ar="http://ar.gov.afip.dif.FEV1/"', 'xmlns:ar="http://example.com/"')).length).toBeGreaterThan(0);
    expect(checkAgainstWsdl(good.replace("<ar:DocTipo>99</ar:DocTipo>", "")).join()).toContain("DocTipo");
  });

  it("a WSDL-driven SOAP client (soap package) talks to the fake, and its requests pass the same checker", async () => {
    const wsdl = path.resolve(process.cwd(), "src/server/afip/wsdl/wsfev1.wsdl");
    const client = await createClientAsync(wsdl, { endpoint: fake.endpoints.wsfe });
    const [res] = await client.FEDummyAsync({});
    expect(res.FEDummyResult.AppServer).toBe("OK");
    const [last] = await client.FECompUltimoAutorizadoAsync({ Auth: { Token: "x", Sign: "y", Cuit: CUIT }, PtoVta: 3, CbteTipo: 6 });
    expect(last.FECompUltimoAutorizadoResult.Errors.Err[0].Code).toBe(600);
    expect(checkAgainstWsdl(client.lastRequest as string)).toEqual([]);
  });
});
