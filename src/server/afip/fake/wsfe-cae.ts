import { dec, sum } from "@/lib/decimal";
import { arYmd } from "@/lib/ar-time";
import { escapeXml, xmlParser } from "../soap";
import { errXml, type Msg } from "./soap-reply";
import { lastNro, type FakeBehavior, type FakeState } from "./state";

// FECAESolicitar: ARCA's rules the fake enforces (sequence 10016, totals 10048, IVA 10023,
// class C without IVA 10071, services' dates, consumidor final, credit notes' associated
// vouchers) and the numbering it keeps; one detail or a batch of them.

export type CaeContext = {
  state: FakeState;
  save(): void;
  /** Points of sale enabled per CUIT; when absent every PtoVta is enabled. */
  enabledPointsOfSale?: number[];
  /** Receivers (DocNro) whose details are always rejected with these observations. */
  rejectedReceivers: Map<string, Msg[]>;
};

const yyyymmdd = (d: Date) => arYmd(d);

function solicitar(ctx: CaeContext, cuit: string, req: Record<string, any>, behavior?: FakeBehavior) {
  const cab = req?.FeCabReq ?? {};
  const ptoVta = Number(cab.PtoVta);
  const cbteTipo = Number(cab.CbteTipo);
  const d = (req?.FeDetReq?.FECAEDetRequest ?? {}) as Record<string, any>;
  const det = Array.isArray(d) ? d[0] : d;
  const nro = Number(det.CbteDesde);
  const cabResp = (resultado: string) =>
    `<FeCabResp><Cuit>${cuit}</Cuit><PtoVta>${ptoVta}</PtoVta><CbteTipo>${cbteTipo}</CbteTipo><FchProceso>${yyyymmdd(new Date())}</FchProceso><CantReg>1</CantReg><Resultado>${resultado}</Resultado><Reproceso>N</Reproceso></FeCabResp>`;
  const detResp = (resultado: string, obs: { code: number; msg: string }[], cae = "", vto = "") =>
    `<FeDetResp><FECAEDetResponse><Concepto>${det.Concepto}</Concepto><DocTipo>${det.DocTipo}</DocTipo><DocNro>${det.DocNro}</DocNro><CbteDesde>${nro}</CbteDesde><CbteHasta>${det.CbteHasta}</CbteHasta><CbteFch>${det.CbteFch}</CbteFch><Resultado>${resultado}</Resultado>` +
    (obs.length ? `<Observaciones>${obs.map((o) => `<Obs><Code>${o.code}</Code><Msg>${escapeXml(o.msg)}</Msg></Obs>`).join("")}</Observaciones>` : "") +
    `<CAE>${cae}</CAE><CAEFchVto>${vto}</CAEFchVto></FECAEDetResponse></FeDetResp>`;
  const rejected = (errors: { code: number; msg: string }[], obs: { code: number; msg: string }[] = []) =>
    `${cabResp("R")}${detResp("R", obs)}${errXml(errors)}`;

  if (ctx.enabledPointsOfSale && !ctx.enabledPointsOfSale.includes(ptoVta))
    return rejected([{ code: 11002, msg: "El punto de venta no se encuentra habilitado a usar el presente WS." }]);
  if (det.CondicionIVAReceptorId === undefined)
    return rejected([{ code: 10242, msg: "El campo Condicion Frente al IVA del receptor es obligatorio." }]);
  const expected = lastNro(ctx.state, cuit, ptoVta, cbteTipo) + 1;
  if (nro !== expected || Number(det.CbteHasta) !== nro)
    return rejected([{ code: 10016, msg: `El numero o fecha del comprobante no se corresponde con el proximo a autorizar. Consultar metodo FECompUltimoAutorizado.` }]);
  const parts = [det.ImpTotConc, det.ImpNeto, det.ImpOpEx, det.ImpTrib, det.ImpIVA].map((v) => String(v ?? "0"));
  if (!dec(String(det.ImpTotal)).eq(sum(parts)))
    return rejected([{ code: 10048, msg: "El campo 'Importe Total' ImpTotal, debe ser igual a la suma de ImpTotConc + ImpNeto + ImpOpEx + ImpTrib + ImpIVA." }]);
  const alic = (det.Iva?.AlicIva ?? []) as Record<string, any>[];
  const classC = [11, 12, 13].includes(cbteTipo);
  if (classC && alic.length) return rejected([{ code: 10071, msg: "Para comprobantes tipo C el objeto IVA no debe informarse." }]);
  if (!classC && !dec(String(det.ImpIVA)).eq(sum(alic.map((a) => String(a.Importe)))))
    return rejected([{ code: 10023, msg: "La suma de los importes de IVA no coincide con ImpIVA." }]);
  if (!classC && !dec(String(det.ImpNeto)).eq(sum(alic.map((a) => String(a.BaseImp)))))
    return rejected([{ code: 10023, msg: "La suma de las bases imponibles no coincide con ImpNeto." }]);
  // The rule is in PROTOCOL.md; the exact error code AFIP uses for it is not documented here (10036 is a stand-in).
  if ([2, 3].includes(Number(det.Concepto)) && (!det.FchServDesde || !det.FchServHasta || !det.FchVtoPago))
    return rejected([{ code: 10036, msg: "Para Concepto 2 o 3 son obligatorios FchServDesde, FchServHasta y FchVtoPago." }]);
  if (Number(det.DocTipo) === 99 && Number(det.DocNro) !== 0)
    return rejected([{ code: 10015, msg: "Para DocTipo 99 (consumidor final) DocNro debe ser 0." }]);
  if ([3, 8, 13].includes(cbteTipo) && !(det.CbtesAsoc?.CbteAsoc?.length))
    return rejected([{ code: 10151, msg: "Las notas de crédito deben informar comprobantes asociados." }]);
  if (behavior?.kind === "reject")
    return rejected([], behavior.observations ?? [{ code: 10015, msg: "Rechazo simulado por el fake de AFIP." }]);
  const now = new Date();
  const cae = `7${String(Date.now()).slice(-9)}${String(Math.floor(Math.random() * 10_000)).padStart(4, "0")}`;
  const vto = yyyymmdd(new Date(now.getTime() + 10 * 24 * 3600_000));
  ctx.state.cbtes.push({
    cuit,
    ptoVta,
    cbteTipo,
    nro,
    concepto: Number(det.Concepto),
    docTipo: Number(det.DocTipo),
    docNro: String(det.DocNro),
    cbteFch: String(det.CbteFch ?? yyyymmdd(now)),
    impTotal: String(det.ImpTotal),
    impTotConc: String(det.ImpTotConc),
    impNeto: String(det.ImpNeto),
    impOpEx: String(det.ImpOpEx),
    impTrib: String(det.ImpTrib),
    impIva: String(det.ImpIVA),
    monId: String(det.MonId ?? "PES"),
    monCotiz: String(det.MonCotiz ?? "1"),
    condicionIvaReceptorId: Number(det.CondicionIVAReceptorId),
    cae,
    caeFchVto: vto,
    fchProceso: yyyymmdd(now),
  });
  ctx.save();
  return `${cabResp("A")}${detResp("A", [], cae, vto)}`;
}

// Multi-record FECAESolicitar (billing batches): each detail goes through `solicitar` in
// order, so numbering, validations and the per-detail sequence check are the same; a detail
// rejected in the middle leaves the following numbers out of sequence (10016), as ARCA does.
export function solicitarAny(ctx: CaeContext, cuit: string, req: Record<string, any>, behavior?: FakeBehavior): string {
  const raw = req?.FeDetReq?.FECAEDetRequest;
  const dets = (Array.isArray(raw) ? raw : [raw ?? {}]) as Record<string, any>[];
  if (!Array.isArray(raw) && ctx.rejectedReceivers.size === 0) return solicitar(ctx, cuit, req, behavior);
  const cab = req?.FeCabReq ?? {};
  if (Number(cab.CantReg) !== dets.length)
    return `<FeCabResp><Cuit>${cuit}</Cuit><PtoVta>${Number(cab.PtoVta)}</PtoVta><CbteTipo>${Number(cab.CbteTipo)}</CbteTipo><FchProceso>${yyyymmdd(new Date())}</FchProceso><CantReg>${dets.length}</CantReg><Resultado>R</Resultado><Reproceso>N</Reproceso></FeCabResp>${errXml([{ code: 10001, msg: "CantReg no coincide con la cantidad de comprobantes informados." }])}`;
  const out: string[] = [];
  for (const det of dets) {
    const forced = ctx.rejectedReceivers.get(String(det.DocNro));
    const b: FakeBehavior | undefined = forced ? { kind: "reject", observations: forced } : behavior?.kind === "reject" ? behavior : undefined;
    const one = xmlParser.parse(`<x>${solicitar(ctx, cuit, { FeCabReq: { ...cab, CantReg: 1 }, FeDetReq: { FECAEDetRequest: det } }, b)}</x>`) as Record<string, any>;
    const d = one.x.FeDetResp.FECAEDetResponse[0] as Record<string, any>;
    const errs = ((one.x.Errors?.Err ?? []) as Record<string, any>[]).map((e) => ({ code: Number(e.Code), msg: String(e.Msg) }));
    const obs = [...((d.Observaciones?.Obs ?? []) as Record<string, any>[]).map((o) => ({ code: Number(o.Code), msg: String(o.Msg) })), ...errs];
    out.push(
      `<FECAEDetResponse><Concepto>${d.Concepto}</Concepto><DocTipo>${d.DocTipo}</DocTipo><DocNro>${d.DocNro}</DocNro><CbteDesde>${d.CbteDesde}</CbteDesde><CbteHasta>${d.CbteHasta}</CbteHasta><CbteFch>${d.CbteFch}</CbteFch><Resultado>${d.Resultado}</Resultado>` +
        (obs.length ? `<Observaciones>${obs.map((o) => `<Obs><Code>${o.code}</Code><Msg>${escapeXml(o.msg)}</Msg></Obs>`).join("")}</Observaciones>` : "") +
        `<CAE>${d.CAE ?? ""}</CAE><CAEFchVto>${d.CAEFchVto ?? ""}</CAEFchVto></FECAEDetResponse>`,
    );
  }
  const ok = out.filter((x) => x.includes("<Resultado>A</Resultado>")).length;
  const resultado = ok === dets.length ? "A" : ok === 0 ? "R" : "P";
  return `<FeCabResp><Cuit>${cuit}</Cuit><PtoVta>${Number(cab.PtoVta)}</PtoVta><CbteTipo>${Number(cab.CbteTipo)}</CbteTipo><FchProceso>${yyyymmdd(new Date())}</FchProceso><CantReg>${dets.length}</CantReg><Resultado>${resultado}</Resultado><Reproceso>N</Reproceso></FeCabResp><FeDetResp>${out.join("")}</FeDetResp>`;
}
