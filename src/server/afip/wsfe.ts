import { Decimal, dec } from "@/lib/decimal";
import { escapeXml, soapCall, type SoapExchange } from "./soap";

// WSFEv1: FEDummy, FECompUltimoAutorizado, FECAESolicitar, FECompConsultar.
// Elements are written in the WSDL's schema order; every element is qualified in FEV1_NS.

export const FEV1_NS = "http://ar.gov.afip.dif.FEV1/";

export type Auth = { token: string; sign: string; cuit: string };
export type AfipMessage = { code: number; msg: string };

export type CaeDetail = {
  concepto: number;
  docTipo: number;
  docNro: string;
  cbteDesde: number;
  cbteHasta: number;
  /** yyyymmdd */
  cbteFch: string;
  impTotal: string;
  impTotConc: string;
  impNeto: string;
  impOpEx: string;
  impTrib: string;
  impIva: string;
  fchServDesde?: string;
  fchServHasta?: string;
  fchVtoPago?: string;
  monId: string;
  monCotiz: string;
  condicionIvaReceptorId: number;
  cbtesAsoc?: { tipo: number; ptoVta: number; nro: number; cuit?: string; cbteFch?: string }[];
  iva?: { id: number; baseImp: string; importe: string }[];
};

export type CaeRequest = { ptoVta: number; cbteTipo: number; detail: CaeDetail };

export type CaeResult = {
  /** A approved, R rejected, P partial (only with several details). */
  resultado: "A" | "R" | "P" | "";
  cae?: string;
  /** yyyymmdd */
  caeFchVto?: string;
  cbteDesde?: number;
  observations: AfipMessage[];
  errors: AfipMessage[];
  events: AfipMessage[];
};

export type ConsultaResult =
  | { found: false; errors: AfipMessage[] }
  | {
      found: true;
      cbteTipo: number;
      ptoVta: number;
      cbteNro: number;
      docTipo: number;
      docNro: string;
      cbteFch: string;
      impTotal: string;
      impNeto: string;
      impIva: string;
      impTotConc: string;
      impOpEx: string;
      monId: string;
      resultado: string;
      codAutorizacion: string;
      fchVto: string;
      errors: AfipMessage[];
    };

export type WsfeOptions = { url: string; timeoutMs?: number; fetchImpl?: typeof fetch };

export const el = (name: string, value: string | number | undefined | null): string =>
  value === undefined || value === null ? "" : `<ar:${name}>${escapeXml(String(value))}</ar:${name}>`;
export const wrap = (name: string, inner: string): string => `<ar:${name}>${inner}</ar:${name}>`;
/** xs:double from a decimal string: two places rounded half-up in decimal arithmetic, never through a float. */
export const amt = (v: string): string => dec(v).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

export const authXml = (a: Auth): string => wrap("Auth", el("Token", a.token) + el("Sign", a.sign) + el("Cuit", a.cuit));

/** One detail in schema order; CAEA reports use the FECAEADetRequest element with `extra` (CAEA, CbteFchHsGen) at its end. */
export function buildDetailXml(d: CaeDetail, tag = "FECAEDetRequest", extra = ""): string {
  return wrap(
    tag,
    el("Concepto", d.concepto) +
      el("DocTipo", d.docTipo) +
      el("DocNro", d.docNro) +
      el("CbteDesde", d.cbteDesde) +
      el("CbteHasta", d.cbteHasta) +
      el("CbteFch", d.cbteFch) +
      el("ImpTotal", amt(d.impTotal)) +
      el("ImpTotConc", amt(d.impTotConc)) +
      el("ImpNeto", amt(d.impNeto)) +
      el("ImpOpEx", amt(d.impOpEx)) +
      el("ImpTrib", amt(d.impTrib)) +
      el("ImpIVA", amt(d.impIva)) +
      el("FchServDesde", d.fchServDesde) +
      el("FchServHasta", d.fchServHasta) +
      el("FchVtoPago", d.fchVtoPago) +
      el("MonId", d.monId) +
      el("MonCotiz", d.monCotiz) +
      // Always sent (RG 5616): the WSDL says optional, AFIP rejects without it.
      el("CondicionIVAReceptorId", d.condicionIvaReceptorId) +
      (d.cbtesAsoc?.length
        ? wrap(
            "CbtesAsoc",
            d.cbtesAsoc
              .map((c) => wrap("CbteAsoc", el("Tipo", c.tipo) + el("PtoVta", c.ptoVta) + el("Nro", c.nro) + el("Cuit", c.cuit) + el("CbteFch", c.cbteFch)))
              .join(""),
          )
        : "") +
      (d.iva?.length
        ? wrap("Iva", d.iva.map((i) => wrap("AlicIva", el("Id", i.id) + el("BaseImp", amt(i.baseImp)) + el("Importe", amt(i.importe)))).join(""))
        : "") +
      extra,
  );
}

export const op = (name: string, inner: string) => `<ar:${name} xmlns:ar="${FEV1_NS}">${inner}</ar:${name}>`;

export const buildDummyBody = () => op("FEDummy", "");
export const buildUltimoBody = (auth: Auth, ptoVta: number, cbteTipo: number) =>
  op("FECompUltimoAutorizado", authXml(auth) + el("PtoVta", ptoVta) + el("CbteTipo", cbteTipo));
export const buildSolicitarBody = (auth: Auth, req: CaeRequest) =>
  op(
    "FECAESolicitar",
    authXml(auth) +
      wrap(
        "FeCAEReq",
        wrap("FeCabReq", el("CantReg", 1) + el("PtoVta", req.ptoVta) + el("CbteTipo", req.cbteTipo)) + wrap("FeDetReq", buildDetailXml(req.detail)),
      ),
  );
export const buildConsultarBody = (auth: Auth, cbteTipo: number, cbteNro: number, ptoVta: number) =>
  op("FECompConsultar", authXml(auth) + wrap("FeCompConsReq", el("CbteTipo", cbteTipo) + el("CbteNro", cbteNro) + el("PtoVta", ptoVta)));

export const call = (o: WsfeOptions, operation: string, body: string) =>
  soapCall({ url: o.url, soapAction: `${FEV1_NS}${operation}`, body, timeoutMs: o.timeoutMs ?? 30_000, fetchImpl: o.fetchImpl });

export type Node = Record<string, any>;
export const messages = (arr: Node | undefined, key: "Obs" | "Err" | "Evt"): AfipMessage[] =>
  ((arr?.[key] as Node[] | undefined) ?? []).map((m) => ({ code: Number(m.Code), msg: String(m.Msg ?? "") }));
export const result = (ex: SoapExchange, op: string): Node => {
  const r = (ex.body[`${op}Response`] as Node | undefined)?.[`${op}Result`];
  return (r && typeof r === "object" ? r : {}) as Node;
};

export async function feDummy(o: WsfeOptions) {
  const ex = await call(o, "FEDummy", buildDummyBody());
  const r = result(ex, "FEDummy");
  return { appServer: String(r.AppServer ?? ""), dbServer: String(r.DbServer ?? ""), authServer: String(r.AuthServer ?? ""), exchange: ex };
}

export async function compUltimoAutorizado(o: WsfeOptions, auth: Auth, ptoVta: number, cbteTipo: number) {
  const ex = await call(o, "FECompUltimoAutorizado", buildUltimoBody(auth, ptoVta, cbteTipo));
  const r = result(ex, "FECompUltimoAutorizado");
  return { cbteNro: Number(r.CbteNro ?? 0), errors: messages(r.Errors, "Err"), events: messages(r.Events, "Evt"), exchange: ex };
}

export async function caeSolicitar(o: WsfeOptions, auth: Auth, req: CaeRequest): Promise<CaeResult & { exchange: SoapExchange }> {
  const ex = await call(o, "FECAESolicitar", buildSolicitarBody(auth, req));
  const r = result(ex, "FECAESolicitar");
  const cab = (r.FeCabResp ?? {}) as Node;
  const det = ((r.FeDetResp as Node | undefined)?.FECAEDetResponse as Node[] | undefined)?.[0] ?? {};
  const errors = messages(r.Errors, "Err");
  const resultado = String(det.Resultado ?? cab.Resultado ?? (errors.length ? "R" : "")) as CaeResult["resultado"];
  return {
    resultado,
    cae: det.CAE ? String(det.CAE) : undefined,
    caeFchVto: det.CAEFchVto ? String(det.CAEFchVto) : undefined,
    cbteDesde: det.CbteDesde !== undefined ? Number(det.CbteDesde) : undefined,
    observations: messages(det.Observaciones, "Obs"),
    errors,
    events: messages(r.Events, "Evt"),
    exchange: ex,
  };
}

export async function compConsultar(o: WsfeOptions, auth: Auth, cbteTipo: number, cbteNro: number, ptoVta: number) {
  const ex = await call(o, "FECompConsultar", buildConsultarBody(auth, cbteTipo, cbteNro, ptoVta));
  const r = result(ex, "FECompConsultar");
  const errors = messages(r.Errors, "Err");
  const g = r.ResultGet as Node | undefined;
  const out: ConsultaResult = !g
    ? { found: false, errors }
    : {
        found: true,
        cbteTipo: Number(g.CbteTipo),
        ptoVta: Number(g.PtoVta),
        cbteNro: Number(g.CbteDesde),
        docTipo: Number(g.DocTipo),
        docNro: String(g.DocNro),
        cbteFch: String(g.CbteFch ?? ""),
        impTotal: String(g.ImpTotal),
        impNeto: String(g.ImpNeto),
        impIva: String(g.ImpIVA),
        impTotConc: String(g.ImpTotConc),
        impOpEx: String(g.ImpOpEx),
        monId: String(g.MonId ?? ""),
        resultado: String(g.Resultado ?? ""),
        codAutorizacion: String(g.CodAutorizacion ?? ""),
        fchVto: String(g.FchVto ?? ""),
        errors,
      };
  return { ...out, exchange: ex };
}
