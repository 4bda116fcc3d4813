import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { xmlParser } from "../soap";
import { FEV1_NS } from "../wsfe";
import { fakeEndpoints, type AfipEndpoints } from "../endpoints";
import { checkAgainstWsdl } from "../wsdl-schema";
import type { Pem } from "./certs";
import { caeaHandlers, emptyCaeaState, type CaeaFakeState, type FakePointOfSale } from "./caea";
import { errXml, fault, send } from "./soap-reply";
import { authorize, lastNro, type FakeBehavior, type FakeState, type StoredCbte } from "./state";
import { handleWsaa, type WsaaContext } from "./wsaa-login";
import { solicitarAny, type CaeContext } from "./wsfe-cae";
import { runtimeEnv } from "../../env";

/**
 * A local fake AFIP speaking WSAA (loginCms) and WSFEv1 over SOAP 1.1, as in the official
 * WSDLs. It verifies the CMS signature against its test CA, refuses a second login while a
 * ticket is valid, keeps numbering per CUIT + PtoVta + CbteTipo, enforces the sequence
 * (10016) and the total rule (10048), checks requests against the WSDL's element order, and
 * can be told to reject, time out, or authorise and then lose the response.
 */

export type { FakeBehavior } from "./state";

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

// eslint-disable-next-line max-lines-per-function -- the fake ARCA server: one HTTP handler routing every SOAP operation the tests need
export async function startFakeAfip(opts: FakeAfipOptions): Promise<FakeAfip> {
  if (runtimeEnv().NODE_ENV === "production") throw new Error("The fake AFIP can never run in production mode");
  const ttl = opts.ticketTtlMs ?? 12 * 3600_000;
  const strict = opts.strictSchema ?? true;
  let state: FakeState = { tickets: [], cbtes: [] };
  if (opts.stateFile && existsSync(opts.stateFile)) state = JSON.parse(readFileSync(opts.stateFile, "utf8")) as FakeState;
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

  const caeCtx: CaeContext = { state, save: () => save(), enabledPointsOfSale: opts.enabledPointsOfSale, rejectedReceivers: new Map() };
  const wsaaCtx: WsaaContext = { state, save: () => save(), caCertPem: opts.ca.certPem, ttl, take, calls, hanging };

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
        const a = authorize(state, (body[opName] as Record<string, any>)?.Auth);
        if ("cuit" in a) solicitarAny(caeCtx, a.cuit, (body[opName] as Record<string, any>).FeCAEReq);
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
    const a = authorize(state, input?.Auth);
    if ("errors" in a) return respond(errXml(a.errors));
    switch (opName) {
      case "FECompUltimoAutorizado": {
        const p = Number(input.PtoVta);
        const t = Number(input.CbteTipo);
        return respond(`<PtoVta>${p}</PtoVta><CbteTipo>${t}</CbteTipo><CbteNro>${lastNro(state, a.cuit, p, t)}</CbteNro>`);
      }
      case "FECAESolicitar": {
        const out = solicitarAny(caeCtx, a.cuit, input.FeCAEReq, behavior);
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
        if (req.url?.startsWith("/ws/services/LoginCms")) return handleWsaa(wsaaCtx, res, body);
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
      if (observations) caeCtx.rejectedReceivers.set(docNro, observations);
      else caeCtx.rejectedReceivers.delete(docNro);
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
