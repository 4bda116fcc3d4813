import { authXml, call, el, messages, op, result, type Auth, type Node, type WsfeOptions } from "./wsfe";

// WSFEv1 parameter tables: the emitter's points of sale and the receiver IVA conditions (RG 5616).

export type ArcaPointOfSale = { number: number; emissionType: string; blocked: boolean; droppedOn: string | null };
export type ArcaReceiverCondition = { id: number; description: string; classes: string };

export const buildPtosVentaBody = (auth: Auth) => op("FEParamGetPtosVenta", authXml(auth));
export const buildCondicionIvaReceptorBody = (auth: Auth, claseCmp?: string) =>
  op("FEParamGetCondicionIvaReceptor", authXml(auth) + el("ClaseCmp", claseCmp));

export async function paramPointsOfSale(o: WsfeOptions, auth: Auth) {
  const ex = await call(o, "FEParamGetPtosVenta", buildPtosVentaBody(auth));
  const r = result(ex, "FEParamGetPtosVenta");
  const list = (((r.ResultGet as Node | undefined)?.PtoVenta as Node[] | undefined) ?? []).map(
    (p): ArcaPointOfSale => ({
      number: Number(p.Nro),
      emissionType: String(p.EmisionTipo ?? ""),
      blocked: String(p.Bloqueado ?? "N").toUpperCase() === "S",
      droppedOn: p.FchBaja && String(p.FchBaja) !== "NULL" ? String(p.FchBaja) : null,
    }),
  );
  return { pointsOfSale: list, errors: messages(r.Errors, "Err"), exchange: ex };
}

export async function paramReceiverConditions(o: WsfeOptions, auth: Auth, claseCmp?: string) {
  const ex = await call(o, "FEParamGetCondicionIvaReceptor", buildCondicionIvaReceptorBody(auth, claseCmp));
  const r = result(ex, "FEParamGetCondicionIvaReceptor");
  const list = (((r.ResultGet as Node | undefined)?.CondicionIvaReceptor as Node[] | undefined) ?? []).map(
    (c): ArcaReceiverCondition => ({ id: Number(c.Id), description: String(c.Desc ?? ""), classes: String(c.Cmp_Clase ?? "") }),
  );
  return { conditions: list, errors: messages(r.Errors, "Err"), exchange: ex };
}
