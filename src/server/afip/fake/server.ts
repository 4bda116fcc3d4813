import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { dec, sum } from "@/lib/decimal";
import { arYmd } from "@/lib/ar-time";
import { cuitFromCertificate, verifyCms } from "../cms";
import { escapeXml, xmlParser } from "../soap";
import { FEV1_NS } from "../wsfe";
import { WSAA_NS } from "../wsaa";
import { fakeEndpoints, type AfipEndpoints } from "../endpoints";
import { checkAgainstWsdl } from "../wsdl-schema";
import type { Pem } from "./certs";
import { caeaHandlers, emptyCaeaState, type CaeaFakeState, type FakePointOfSale } from "./caea";

/**
 * A local fake AFIP speaking WSAA (loginCms) and WSFEv1 over SOAP 1.1, as in the official
 * WSDLs. It verifies the CMS signature against its test CA, refuses a second login while a
 * ticket is valid, keeps numbering per CUIT + PtoVta + CbteTipo, enforces the sequence
 * (10016) and the total rule (10048), checks requests against the WSDL's element order, and
 * can be told to reject, time out, or authorise and then lose the response.
 */

export type FakeBehavior =
  | { kind: "reject"; observations?: { code: number; msg: string }[] }
  | { kind: "error"; code: number; msg: string }
  /** Answer after `ms` (longer than the client's deadline); `process: true` authorises first. */
  | { kind: "timeout"; ms?: number; process?: boolean }
  /** Process (authorise) and then drop the connection without an answer. */
  | { kind: "lose-response" };

type StoredCbte = {
  cuit: string;
  ptoVta: number;
  cbteTipo: number;
  nro: number;
  concepto: number;
  docTipo: number;
  docNro: string;
  cbteFch: string;
  impTotal: string;
  impTotConc: string;
  impNeto: string;
  impOpEx: string;
  impTrib: string;
  impIva: string;
  monId: string;
  monCotiz: string;
  condicionIvaReceptorId: number;
  cae: string;
  caeFchVto: string;
  fchProceso: string;
};

type State = {
  tickets: { cuit: string; service: string; token: string; sign: string; expiresAt: number }[];
  cbtes: StoredCbte[];
  /** CAEA grants, reports, "sin movimiento" and the points of sale ARCA lists (fake/caea.ts). */
  caea?: CaeaFakeState;
};

export type FakeAfipOptions = {
  ca: Pem;
  port?: number;
  host?: string;
  /** Ticket lifetime (AFIP: 12 h). */
  ticketTtlMs?: number;
  /** Persist numbering and tickets (dev/demo); tests keep state in memory. */
  stateFile?: string;
  /** Reject requests whose element order/names differ from the WSDL (default true). */
  strictSchema?: boolean;
  /** Points of sale enabled per CUIT; when absent every PtoVta is enabled. */
  enabledPointsOfSale?: number[];
  /** ARCA's clock for CAEA windows and deadlines (tests move it; default: now). */
  now?: () => Date;
};

export type FakeAfip = {
  url: string;
  endpoints: AfipEndpoints;
  /** Queue a behaviour for the next call of an operation (FECAESolicitar, loginCms…). */
  next(operation: string, behavior: FakeBehavior): void;
  /** Counters per operation, for asserting "logged in once", "issued once". */
  calls: Record<string, number>;
  issued(cuit?: string): StoredCbte[];
  /** Always reject details for this receiver (DocNro), e.g. an inactive CUIT; undefined stops it. */
  rejectReceiver(docNro: string, observations?: { code: number; msg: string }[]): void;
  /** Simulate ticket expiry (AFIP side): all tickets expire now. */
  expireTickets(): void;
  /** Move ARCA's clock (CAEA windows, reporting deadlines). */
  setNow(now: () => Date): void;
  /** While on, every WSFEv1 call answers HTTP 503 without a SOAP body (an outage). */
  setOutage(on: boolean): void;
  /** Reject one CAEA record the next time it is reported (ARCA's per-record observation). */
  rejectCaeaRecord(ptoVta: number, cbteTipo: number, nro: number, observations: { code: number; msg: string }[]): void;
  /** The points of sale FEParamGetPtosVenta lists for a CUIT. */
  setPointsOfSale(cuit: string, list: FakePointOfSale[]): void;
  caeaState(): CaeaFakeState;
  close(): Promise<void>;
};

const yyyymmdd = (d: Date) => arYmd(d);

export async function startFakeAfip(opts: FakeAfipOptions): Promise<FakeAfip> {
  if (process.env.NODE_ENV === "production") throw new Error("The fake AFIP can never run in production mode");
  const ttl = opts.ticketTtlMs ?? 12 * 3600_000;
  const strict = opts.strictSchema ?? true;
  let state: State = { tickets: [], cbtes: [] };
  if (opts.stateFile && existsSync(opts.stateFile)) state = JSON.parse(readFileSync(opts.stateFile, "utf8")) as State;
  const save = () => {
    if (!opts.stateFile) return;
    mkdirSync(path.dirname(opts.stateFile), { recursive: true });
    writeFileSync(opts.stateFile, JSON.stringify(state));
  };
  state.caea ??= emptyCaeaState();
  let now = opts.now ?? (() => new Date());
  let outage = false;
  const recordRejections = new Map<string, { code: number; msg: string }[]>();
  const caeaOps = caeaHandlers({
    state: state.caea,
    save: () => save(),
    now: () => now(),
    recordRejections,
    defaultPointsOfSale: () => [
      ...(opts.enabledPointsOfSale ?? Array.from({ length: 20 }, (_, i) => i + 1)).map((nro) => ({ nro, emisionTipo: "CAE" as const })),
      ...Array.from({ length: 10 }, (_, i) => ({ nro: 90 + i, emisionTipo: "CAEA" as const })),
    ],
  });
  const queue = new Map<string, FakeBehavior[]>();
  const calls: Record<string, number> = {};
  const take = (op: string) => queue.get(op)?.shift();
  // Hung responses are kept so close() can end them.
  const hanging = new Set<ServerResponse>();

  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { "Content-Type": "text/xml; charset=utf-8" });
    res.end(`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>${body}</soap:Body></soap:Envelope>`);
  };
  const fault = (res: ServerResponse, code: string, msg: string) =>
    send(res, 500, `<soap:Fault><faultcode>${code}</faultcode><faultstring>${escapeXml(msg)}</faultstring></soap:Fault>`);

  const errXml = (errs: { code: number; msg: string }[]) =>
    errs.length ? `<Errors>${errs.map((e) => `<Err><Code>${e.code}</Code><Msg>${escapeXml(e.msg)}</Msg></Err>`).join("")}</Errors>` : "";

  function handleWsaa(res: ServerResponse, body: Record<string, any>) {
    calls.loginCms = (calls.loginCms ?? 0) + 1;
    const b = take("loginCms");
    if (b?.kind === "timeout") return void hanging.add(res);
    const in0 = body.loginCms?.in0;
    if (typeof in0 !== "string") return fault(res, "ns1:cms.bad", "No se ha podido interpretar el CMS");
    let content: string;
    let cuit: string | undefined;
    try {
      const v = verifyCms(in0.replace(/\s+/g, ""), opts.ca.certPem);
      content = v.content;
      cuit = cuitFromCertificate(v.signer);
    } catch (e) {
      const m = (e as Error).message;
      return fault(res, `ns1:${m.split(":")[0]}`, m);
    }
    if (!cuit) return fault(res, "ns1:cms.cert.invalid", "El certificado no tiene CUIT");
    const tra = xmlParser.parse(content) as Record<string, any>;
    const req = tra.loginTicketRequest;
    const service = String(req?.service ?? "");
    const gen = Date.parse(String(req?.header?.generationTime ?? ""));
    const exp = Date.parse(String(req?.header?.expirationTime ?? ""));
    const now = Date.now();
    if (!service || Number.isNaN(gen) || Number.isNaN(exp)) return fault(res, "ns1:xml.bad", "TRA inválido");
    if (gen > now + 60_000 || exp < now) return fault(res, "ns1:xml.generationTime.invalid", "generationTime/expirationTime fuera de rango");
    if (service !== "wsfe") return fault(res, "ns1:wsn.unavailable", `Servicio ${service} no disponible`);
    const valid = state.tickets.find((t) => t.cuit === cuit && t.service === service && t.expiresAt > now);
    if (valid) return fault(res, "ns1:coe.alreadyAuthenticated", "El CEE ya posee un TA valido para el acceso al WSN solicitado");
    const ticket = { cuit, service, token: randomBytes(48).toString("base64"), sign: randomBytes(32).toString("base64"), expiresAt: now + ttl };
    state.tickets = state.tickets.filter((t) => !(t.cuit === cuit && t.service === service));
    state.tickets.push(ticket);
    save();
    const iso = (ms: number) => new Date(ms).toISOString();
    const ltr =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><loginTicketResponse version="1.0"><header>` +
      `<source>CN=wsaahomo, O=AFIP, C=AR, SERIALNUMBER=CUIT 33693450239</source><destination>SERIALNUMBER=CUIT ${cuit}, CN=mostrador</destination>` +
      `<uniqueId>${Math.floor(Math.random() * 2 ** 31)}</uniqueId><generationTime>${iso(now)}</generationTime><expirationTime>${iso(ticket.expiresAt)}</expirationTime>` +
      `</header><credentials><token>${ticket.token}</token><sign>${ticket.sign}</sign></credentials></loginTicketResponse>`;
    send(res, 200, `<loginCmsResponse xmlns="${WSAA_NS}"><loginCmsReturn>${escapeXml(ltr)}</loginCmsReturn></loginCmsResponse>`);
  }

  function auth(a: Record<string, any> | undefined): { cuit: string } | { errors: { code: number; msg: string }[] } {
    const t = state.tickets.find((x) => x.token === a?.Token && x.sign === a?.Sign);
    if (!t || t.expiresAt < Date.now()) return { errors: [{ code: 600, msg: "ValidacionDeToken: No validaron las firmas / token expirado" }] };
    if (String(a?.Cuit) !== t.cuit) return { errors: [{ code: 601, msg: "CUIT representada no incluida en Token" }] };
    return { cuit: t.cuit };
  }

  const lastNro = (cuit: string, ptoVta: number, cbteTipo: number) =>
    state.cbtes.filter((c) => c.cuit === cuit && c.ptoVta === ptoVta && c.cbteTipo === cbteTipo).reduce((m, c) => Math.max(m, c.nro), 0);

  function solicitar(cuit: string, req: Record<string, any>, behavior?: FakeBehavior) {
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

    if (opts.enabledPointsOfSale && !opts.enabledPointsOfSale.includes(ptoVta))
      return rejected([{ code: 11002, msg: "El punto de venta no se encuentra habilitado a usar el presente WS." }]);
    if (det.CondicionIVAReceptorId === undefined)
      return rejected([{ code: 10242, msg: "El campo Condicion Frente al IVA del receptor es obligatorio." }]);
    const expected = lastNro(cuit, ptoVta, cbteTipo) + 1;
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
    state.cbtes.push({
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
    save();
    return `${cabResp("A")}${detResp("A", [], cae, vto)}`;
  }

  function handleWsfe(req: IncomingMessage, res: ServerResponse, xml: string, body: Record<string, any>) {
    if (outage) {
      res.writeHead(503, { "Content-Type": "text/html" });
      return void res.end("<html><body>Service Unavailable</body></html>");
    }
    const opName = Object.keys(body)[0] ?? "";
    const action = String(req.headers.soapaction ?? "").replace(/"/g, "");
    if (action !== `${FEV1_NS}${opName}`) return fault(res, "soap:Client", `Server did not recognize the value of HTTP Header SOAPAction: ${action}.`);
    if (strict) {
      const problems = checkAgainstWsdl(xml);
      if (problems.length) return fault(res, "soap:Client", `Server was unable to read request. ${problems.join("; ")}`);
    }
    calls[opName] = (calls[opName] ?? 0) + 1;
    const behavior = take(opName);
    if (behavior?.kind === "timeout") {
      if (behavior.process && opName === "FECAESolicitar") {
        const a = auth((body[opName] as Record<string, any>)?.Auth);
        if ("cuit" in a) solicitarAny(a.cuit, (body[opName] as Record<string, any>).FeCAEReq);
      }
      hanging.add(res);
      setTimeout(() => {
        hanging.delete(res);
        if (!res.writableEnded) fault(res, "soap:Server", "timeout simulado");
      }, behavior.ms ?? 120_000).unref();
      return;
    }
    if (behavior?.kind === "error") {
      return send(res, 200, `<${opName}Response xmlns="${FEV1_NS}"><${opName}Result>${errXml([{ code: behavior.code, msg: behavior.msg }])}</${opName}Result></${opName}Response>`);
    }
    const input = body[opName] as Record<string, any>;
    const respond = (inner: string) => send(res, 200, `<${opName}Response xmlns="${FEV1_NS}"><${opName}Result>${inner}</${opName}Result></${opName}Response>`);
    if (opName === "FEDummy") return respond("<AppServer>OK</AppServer><DbServer>OK</DbServer><AuthServer>OK</AuthServer>");
    const a = auth(input?.Auth);
    if ("errors" in a) return respond(errXml(a.errors));
    switch (opName) {
      case "FECompUltimoAutorizado": {
        const p = Number(input.PtoVta);
        const t = Number(input.CbteTipo);
        return respond(`<PtoVta>${p}</PtoVta><CbteTipo>${t}</CbteTipo><CbteNro>${lastNro(a.cuit, p, t)}</CbteNro>`);
      }
      case "FECAESolicitar": {
        const out = solicitarAny(a.cuit, input.FeCAEReq, behavior);
        if (behavior?.kind === "lose-response") {
          // Authorised and stored; the answer never arrives.
          res.socket?.destroy();
          return;
        }
        return respond(out);
      }
      case "FECompConsultar": {
        const q = input.FeCompConsReq ?? {};
        const c = state.cbtes.find(
          (x) => x.cuit === a.cuit && x.ptoVta === Number(q.PtoVta) && x.cbteTipo === Number(q.CbteTipo) && x.nro === Number(q.CbteNro),
        );
        if (!c) return respond(errXml([{ code: 602, msg: "No existen datos en nuestros registros para los parametros ingresados." }]));
        return respond(
          `<ResultGet><Concepto>${c.concepto}</Concepto><DocTipo>${c.docTipo}</DocTipo><DocNro>${c.docNro}</DocNro><CbteDesde>${c.nro}</CbteDesde><CbteHasta>${c.nro}</CbteHasta><CbteFch>${c.cbteFch}</CbteFch>` +
            `<ImpTotal>${c.impTotal}</ImpTotal><ImpTotConc>${c.impTotConc}</ImpTotConc><ImpNeto>${c.impNeto}</ImpNeto><ImpOpEx>${c.impOpEx}</ImpOpEx><ImpTrib>${c.impTrib}</ImpTrib><ImpIVA>${c.impIva}</ImpIVA>` +
            `<MonId>${c.monId}</MonId><MonCotiz>${c.monCotiz}</MonCotiz><CondicionIVAReceptorId>${c.condicionIvaReceptorId}</CondicionIVAReceptorId>` +
            `<Resultado>A</Resultado><CodAutorizacion>${c.cae}</CodAutorizacion><EmisionTipo>CAE</EmisionTipo><FchVto>${c.caeFchVto}</FchVto><FchProceso>${c.fchProceso}</FchProceso>` +
            `<PtoVta>${c.ptoVta}</PtoVta><CbteTipo>${c.cbteTipo}</CbteTipo></ResultGet>`,
        );
      }
      default:
        if (caeaOps[opName]) return respond(caeaOps[opName](a.cuit, input));
        return fault(res, "soap:Client", `Operación no soportada por el fake: ${opName}`);
    }
  }

  // Multi-record FECAESolicitar (billing batches): each detail goes through `solicitar` in
  // order, so numbering, validations and the per-detail sequence check are the same; a detail
  // rejected in the middle leaves the following numbers out of sequence (10016), as ARCA does.
  const rejectedReceivers = new Map<string, { code: number; msg: string }[]>();
  function solicitarAny(cuit: string, req: Record<string, any>, behavior?: FakeBehavior): string {
    const raw = req?.FeDetReq?.FECAEDetRequest;
    const dets = (Array.isArray(raw) ? raw : [raw ?? {}]) as Record<string, any>[];
    if (!Array.isArray(raw) && rejectedReceivers.size === 0) return solicitar(cuit, req, behavior);
    const cab = req?.FeCabReq ?? {};
    if (Number(cab.CantReg) !== dets.length)
      return `<FeCabResp><Cuit>${cuit}</Cuit><PtoVta>${Number(cab.PtoVta)}</PtoVta><CbteTipo>${Number(cab.CbteTipo)}</CbteTipo><FchProceso>${yyyymmdd(new Date())}</FchProceso><CantReg>${dets.length}</CantReg><Resultado>R</Resultado><Reproceso>N</Reproceso></FeCabResp>${errXml([{ code: 10001, msg: "CantReg no coincide con la cantidad de comprobantes informados." }])}`;
    const out: string[] = [];
    for (const det of dets) {
      const forced = rejectedReceivers.get(String(det.DocNro));
      const b: FakeBehavior | undefined = forced ? { kind: "reject", observations: forced } : behavior?.kind === "reject" ? behavior : undefined;
      const one = xmlParser.parse(`<x>${solicitar(cuit, { FeCabReq: { ...cab, CantReg: 1 }, FeDetReq: { FECAEDetRequest: det } }, b)}</x>`) as Record<string, any>;
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

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const xml = Buffer.concat(chunks).toString("utf8");
      try {
        if (req.method === "GET") {
          res.writeHead(200, { "Content-Type": "text/plain" });
          return void res.end("Mostrador fake AFIP (WSAA + WSFEv1). Solo para pruebas y demos.");
        }
        const parsed = xmlParser.parse(xml) as Record<string, any>;
        const body = parsed?.Envelope?.Body as Record<string, any> | undefined;
        if (!body) return fault(res, "soap:Client", "Envelope inválido");
        if (req.url?.startsWith("/ws/services/LoginCms")) return handleWsaa(res, body);
        if (req.url?.startsWith("/wsfev1/service.asmx")) return handleWsfe(req, res, xml, body);
        res.writeHead(404).end();
      } catch (e) {
        fault(res, "soap:Server", (e as Error).message);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${opts.host ?? "127.0.0.1"}:${port}`;
  return {
    url,
    endpoints: fakeEndpoints(url),
    next(operation, behavior) {
      queue.set(operation, [...(queue.get(operation) ?? []), behavior]);
    },
    calls,
    issued: (cuit) => state.cbtes.filter((c) => !cuit || c.cuit === cuit),
    setNow(fn) {
      now = fn;
    },
    setOutage(on) {
      outage = on;
    },
    rejectCaeaRecord(ptoVta, cbteTipo, nro, observations) {
      recordRejections.set(`${ptoVta}:${cbteTipo}:${nro}`, observations);
    },
    setPointsOfSale(cuit, list) {
      state.caea!.pointsOfSale[cuit] = list;
      save();
    },
    caeaState: () => state.caea!,
    rejectReceiver(docNro, observations) {
      if (observations) rejectedReceivers.set(docNro, observations);
      else rejectedReceivers.delete(docNro);
    },
    expireTickets() {
      for (const t of state.tickets) t.expiresAt = Date.now() - 1;
      save();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const r of hanging) r.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
