import { soapCall, type SoapExchange } from "./soap";
import { authXml, buildDetailXml, FEV1_NS, type AfipMessage, type Auth, type CaeDetail, type WsfeOptions } from "./wsfe";

// Multi-record FECAESolicitar: one request carries CantReg consecutive comprobantes of the same
// PtoVta + CbteTipo (FeDetReq is an unbounded array in the WSDL). ARCA answers per detail
// (Resultado A/R, CAE, Observaciones) and the header says A (all), R (none) or P (partial).

export type CaeManyRequest = { ptoVta: number; cbteTipo: number; details: CaeDetail[] };
export type CaeManyDetail = {
  cbteDesde: number;
  resultado: "A" | "R" | "";
  cae?: string;
  caeFchVto?: string;
  observations: AfipMessage[];
};
export type CaeManyResult = {
  resultado: "A" | "R" | "P" | "";
  details: CaeManyDetail[];
  errors: AfipMessage[];
  exchange: SoapExchange;
};

/** ARCA's usual limit of records per request (FECompTotXRequest answers 250 in homologation). */
export const MAX_RECORDS_PER_REQUEST = 250;

const el = (name: string, value: string | number) => `<ar:${name}>${value}</ar:${name}>`;

export function buildSolicitarManyBody(auth: Auth, req: CaeManyRequest): string {
  if (req.details.length === 0 || req.details.length > MAX_RECORDS_PER_REQUEST) throw new Error(`CantReg fuera de rango: ${req.details.length}`);
  const cab = el("CantReg", req.details.length) + el("PtoVta", req.ptoVta) + el("CbteTipo", req.cbteTipo);
  return (
    `<ar:FECAESolicitar xmlns:ar="${FEV1_NS}">` +
    authXml(auth) +
    `<ar:FeCAEReq><ar:FeCabReq>${cab}</ar:FeCabReq><ar:FeDetReq>${req.details.map((d) => buildDetailXml(d)).join("")}</ar:FeDetReq></ar:FeCAEReq>` +
    `</ar:FECAESolicitar>`
  );
}

type Node = Record<string, any>;
const messages = (arr: Node | undefined, key: "Obs" | "Err"): AfipMessage[] =>
  ((arr?.[key] as Node[] | undefined) ?? []).map((m) => ({ code: Number(m.Code), msg: String(m.Msg ?? "") }));

export function parseSolicitarMany(ex: SoapExchange): Omit<CaeManyResult, "exchange"> {
  const r = ((ex.body.FECAESolicitarResponse as Node | undefined)?.FECAESolicitarResult ?? {}) as Node;
  const cab = (r.FeCabResp ?? {}) as Node;
  const dets = ((r.FeDetResp as Node | undefined)?.FECAEDetResponse as Node[] | undefined) ?? [];
  return {
    resultado: String(cab.Resultado ?? "") as CaeManyResult["resultado"],
    errors: messages(r.Errors, "Err"),
    details: dets.map((d) => ({
      cbteDesde: Number(d.CbteDesde),
      resultado: String(d.Resultado ?? "") as CaeManyDetail["resultado"],
      cae: d.CAE ? String(d.CAE) : undefined,
      caeFchVto: d.CAEFchVto ? String(d.CAEFchVto) : undefined,
      observations: messages(d.Observaciones, "Obs"),
    })),
  };
}

export async function caeSolicitarMany(o: WsfeOptions, auth: Auth, req: CaeManyRequest): Promise<CaeManyResult> {
  const ex = await soapCall({
    url: o.url,
    soapAction: `${FEV1_NS}FECAESolicitar`,
    body: buildSolicitarManyBody(auth, req),
    timeoutMs: o.timeoutMs ?? 30_000,
    fetchImpl: o.fetchImpl,
  });
  return { ...parseSolicitarMany(ex), exchange: ex };
}
