import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { cuitFromCertificate, verifyCms } from "../cms";
import { escapeXml, xmlParser } from "../soap";
import { WSAA_NS } from "../wsaa";
import { fault, send } from "./soap-reply";
import type { FakeBehavior, FakeState } from "./state";

// WSAA's loginCms: verifies the CMS against the test CA, refuses a second login while a
// ticket is valid (coe.alreadyAuthenticated), and hands out a ticket for wsfe.

export type WsaaContext = {
  state: FakeState;
  save(): void;
  caCertPem: string;
  /** Ticket lifetime in ms. */
  ttl: number;
  take(operation: string): FakeBehavior | undefined;
  calls: Record<string, number>;
  hanging: Set<ServerResponse>;
};

export function handleWsaa(ctx: WsaaContext, res: ServerResponse, body: Record<string, any>) {
  ctx.calls.loginCms = (ctx.calls.loginCms ?? 0) + 1;
  const b = ctx.take("loginCms");
  if (b?.kind === "timeout") return void ctx.hanging.add(res);
  const in0 = body.loginCms?.in0;
  if (typeof in0 !== "string") return fault(res, "ns1:cms.bad", "No se ha podido interpretar el CMS");
  let content: string;
  let cuit: string | undefined;
  try {
    const v = verifyCms(in0.replace(/\s+/g, ""), ctx.caCertPem);
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
  const valid = ctx.state.tickets.find((t) => t.cuit === cuit && t.service === service && t.expiresAt > now);
  if (valid) return fault(res, "ns1:coe.alreadyAuthenticated", "El CEE ya posee un TA valido para el acceso al WSN solicitado");
  const ticket = { cuit, service, token: randomBytes(48).toString("base64"), sign: randomBytes(32).toString("base64"), expiresAt: now + ctx.ttl };
  ctx.state.tickets = ctx.state.tickets.filter((t) => !(t.cuit === cuit && t.service === service));
  ctx.state.tickets.push(ticket);
  ctx.save();
  const iso = (ms: number) => new Date(ms).toISOString();
  const ltr =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><loginTicketResponse version="1.0"><header>` +
    `<source>CN=wsaahomo, O=AFIP, C=AR, SERIALNUMBER=CUIT 33693450239</source><destination>SERIALNUMBER=CUIT ${cuit}, CN=mostrador</destination>` +
    `<uniqueId>${Math.floor(Math.random() * 2 ** 31)}</uniqueId><generationTime>${iso(now)}</generationTime><expirationTime>${iso(ticket.expiresAt)}</expirationTime>` +
    `</header><credentials><token>${ticket.token}</token><sign>${ticket.sign}</sign></credentials></loginTicketResponse>`;
  send(res, 200, `<loginCmsResponse xmlns="${WSAA_NS}"><loginCmsReturn>${escapeXml(ltr)}</loginCmsReturn></loginCmsResponse>`);
}
