import type { SoapExchange } from "./soap";
import { authXml, buildDetailXml, call, el, messages, op, result, wrap, type AfipMessage, type Auth, type CaeDetail, type Node, type WsfeOptions } from "./wsfe";

// WSFEv1's CAEA (anticipated CAE) operations: FECAEASolicitar, FECAEAConsultar,
// FECAEARegInformativo, FECAEASinMovimientoInformar. Elements in the WSDL's schema order.

export type CaeaGrant = {
  caea: string | null;
  period: number;
  fortnight: number;
  /** yyyymmdd as ARCA sends them. */
  validFrom: string;
  validTo: string;
  reportDeadline: string;
  processedOn: string;
  observations: AfipMessage[];
  errors: AfipMessage[];
  exchange: SoapExchange;
};

export type CaeaDetail = CaeDetail & { caea: string; /** yyyymmddhhmiss, Argentina's time. */ cbteFchHsGen: string };
export type CaeaReport = { ptoVta: number; cbteTipo: number; details: CaeaDetail[] };
export type CaeaRecordResult = { cbteDesde: number; resultado: "A" | "R" | "O" | string; observations: AfipMessage[] };
export type CaeaReportResult = { resultado: string; records: CaeaRecordResult[]; errors: AfipMessage[]; exchange: SoapExchange };

export const buildCaeaSolicitarBody = (auth: Auth, period: number, fortnight: number) =>
  op("FECAEASolicitar", authXml(auth) + el("Periodo", period) + el("Orden", fortnight));
export const buildCaeaConsultarBody = (auth: Auth, period: number, fortnight: number) =>
  op("FECAEAConsultar", authXml(auth) + el("Periodo", period) + el("Orden", fortnight));
export const buildCaeaRegInformativoBody = (auth: Auth, r: CaeaReport) =>
  op(
    "FECAEARegInformativo",
    authXml(auth) +
      wrap(
        "FeCAEARegInfReq",
        wrap("FeCabReq", el("CantReg", r.details.length) + el("PtoVta", r.ptoVta) + el("CbteTipo", r.cbteTipo)) +
          wrap("FeDetReq", r.details.map((d) => buildDetailXml(d, "FECAEADetRequest", el("CAEA", d.caea) + el("CbteFchHsGen", d.cbteFchHsGen))).join("")),
      ),
  );
export const buildSinMovimientoBody = (auth: Auth, ptoVta: number, caea: string) =>
  op("FECAEASinMovimientoInformar", authXml(auth) + el("PtoVta", ptoVta) + el("CAEA", caea));

function grant(ex: SoapExchange, opName: string, period: number, fortnight: number): CaeaGrant {
  const r = result(ex, opName);
  const g = (r.ResultGet ?? {}) as Node;
  return {
    caea: g.CAEA ? String(g.CAEA) : null,
    period: Number(g.Periodo ?? period),
    fortnight: Number(g.Orden ?? fortnight),
    validFrom: String(g.FchVigDesde ?? ""),
    validTo: String(g.FchVigHasta ?? ""),
    reportDeadline: String(g.FchTopeInf ?? ""),
    processedOn: String(g.FchProceso ?? ""),
    observations: messages(g.Observaciones, "Obs"),
    errors: messages(r.Errors, "Err"),
    exchange: ex,
  };
}

export async function caeaSolicitar(o: WsfeOptions, auth: Auth, period: number, fortnight: number): Promise<CaeaGrant> {
  return grant(await call(o, "FECAEASolicitar", buildCaeaSolicitarBody(auth, period, fortnight)), "FECAEASolicitar", period, fortnight);
}

export async function caeaConsultar(o: WsfeOptions, auth: Auth, period: number, fortnight: number): Promise<CaeaGrant> {
  return grant(await call(o, "FECAEAConsultar", buildCaeaConsultarBody(auth, period, fortnight)), "FECAEAConsultar", period, fortnight);
}

/** Reports CAEA documents of one series; each record gets its own result (a batch can be partly rejected). */
export async function caeaRegInformativo(o: WsfeOptions, auth: Auth, report: CaeaReport): Promise<CaeaReportResult> {
  const ex = await call(o, "FECAEARegInformativo", buildCaeaRegInformativoBody(auth, report));
  const r = result(ex, "FECAEARegInformativo");
  const dets = ((r.FeDetResp as Node | undefined)?.FECAEADetResponse as Node[] | undefined) ?? [];
  return {
    resultado: String((r.FeCabResp as Node | undefined)?.Resultado ?? ""),
    records: dets.map((d) => ({ cbteDesde: Number(d.CbteDesde), resultado: String(d.Resultado ?? ""), observations: messages(d.Observaciones, "Obs") })),
    errors: messages(r.Errors, "Err"),
    exchange: ex,
  };
}

export async function caeaSinMovimientoInformar(o: WsfeOptions, auth: Auth, ptoVta: number, caea: string) {
  const ex = await call(o, "FECAEASinMovimientoInformar", buildSinMovimientoBody(auth, ptoVta, caea));
  const r = result(ex, "FECAEASinMovimientoInformar");
  return { resultado: String(r.Resultado ?? ""), errors: messages(r.Errors, "Err"), exchange: ex };
}
