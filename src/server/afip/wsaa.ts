import { randomInt } from "node:crypto";
import { arDateTimeIso } from "@/lib/ar-time";
import { signCms } from "./cms";
import { AfipTransportError, escapeXml, soapCall, xmlParser } from "./soap";

export const WSAA_NS = "http://wsaa.view.sua.dvadac.desein.afip.gov";

export type AccessTicket = { token: string; sign: string; generationTime: Date; expirationTime: Date };

/** xsd:dateTime in Argentina's time with its offset, as ARCA's own samples use. */
export const afipDateTime = (d: Date): string => arDateTimeIso(d);

export function buildTra(opts: { service: string; now?: Date; ttlMinutes?: number; uniqueId?: number }): string {
  const now = opts.now ?? new Date();
  const gen = new Date(now.getTime() - 10 * 60_000);
  const exp = new Date(now.getTime() + (opts.ttlMinutes ?? 10) * 60_000);
  const uniqueId = opts.uniqueId ?? randomInt(1, 2 ** 32 - 1);
  return (
    `<?xml version="1.0" encoding="UTF-8"?><loginTicketRequest version="1.0"><header>` +
    `<uniqueId>${uniqueId}</uniqueId><generationTime>${afipDateTime(gen)}</generationTime>` +
    `<expirationTime>${afipDateTime(exp)}</expirationTime></header><service>${escapeXml(opts.service)}</service></loginTicketRequest>`
  );
}

export function buildLoginCmsBody(cmsBase64: string): string {
  return `<wsaa:loginCms xmlns:wsaa="${WSAA_NS}"><wsaa:in0>${cmsBase64}</wsaa:in0></wsaa:loginCms>`;
}

/** Parse the escaped loginTicketResponse (by local names: the prefix has varied). */
export function parseLoginTicketResponse(xml: string): AccessTicket {
  const doc = xmlParser.parse(xml) as Record<string, any>;
  const r = doc.loginTicketResponse;
  const token = r?.credentials?.token;
  const sign = r?.credentials?.sign;
  const exp = r?.header?.expirationTime;
  if (!token || !sign || !exp) throw new AfipTransportError("HTTP", "Respuesta de WSAA sin credenciales");
  return {
    token: String(token),
    sign: String(sign),
    generationTime: new Date(String(r.header.generationTime ?? new Date().toISOString())),
    expirationTime: new Date(String(exp)),
  };
}

/**
 * WSAA loginCms. Faults (coe.alreadyAuthenticated, cms.*) throw AfipSoapFault; the caller
 * owns caching (a ticket lasts 12 h and asking again while it is valid is refused).
 */
export async function loginCms(opts: {
  url: string;
  service: string;
  certPem: string;
  keyPem: string;
  timeoutMs?: number;
  now?: Date;
  fetchImpl?: typeof fetch;
}): Promise<AccessTicket & { requestXml: string; responseXml: string }> {
  const tra = buildTra({ service: opts.service, now: opts.now });
  const cms = signCms(tra, opts.certPem, opts.keyPem, opts.now);
  const ex = await soapCall({
    url: opts.url,
    soapAction: "",
    body: buildLoginCmsBody(cms),
    timeoutMs: opts.timeoutMs ?? 30_000,
    fetchImpl: opts.fetchImpl,
  });
  const ret = (ex.body.loginCmsResponse as Record<string, unknown> | undefined)?.loginCmsReturn;
  if (typeof ret !== "string") throw new AfipTransportError("HTTP", "Respuesta de WSAA sin loginCmsReturn");
  return { ...parseLoginTicketResponse(ret), requestXml: ex.requestXml, responseXml: ex.responseXml };
}
