import { XMLParser } from "fast-xml-parser";
import { AfipSoapFault, AfipTransportError } from "./soap-errors";
import { postXml } from "./transport";

export { AfipSoapFault, AfipTransportError } from "./soap-errors";

// SOAP 1.1 over HTTP(S): envelope, POST with a deadline, parse by local names.

export const SOAP_ENV_NS = "http://schemas.xmlsoap.org/soap/envelope/";

export const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export const envelope = (body: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP_ENV_NS}"><soap:Body>${body}</soap:Body></soap:Envelope>`;

export type SoapExchange = { requestXml: string; responseXml: string; body: Record<string, unknown> };

export const xmlParser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) =>
    ["Obs", "Err", "Evt", "AlicIva", "FECAEDetResponse", "CbteAsoc", "FECAEADetResponse", "FECAEADetRequest", "PtoVenta", "CondicionIvaReceptor", "FECAEASinMov"].includes(name),
});

export async function soapCall(opts: {
  url: string;
  soapAction: string;
  body: string;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}): Promise<SoapExchange> {
  const requestXml = envelope(opts.body);
  const headers = { "Content-Type": "text/xml; charset=utf-8", SOAPAction: `"${opts.soapAction}"` };
  let res: { status: number };
  let text: string;
  if (opts.fetchImpl) {
    try {
      const r = await opts.fetchImpl(opts.url, { method: "POST", headers, body: requestXml, signal: AbortSignal.timeout(opts.timeoutMs) });
      res = r;
      text = await r.text();
    } catch (e) {
      const err = e as Error;
      if (err.name === "TimeoutError" || err.name === "AbortError") throw new AfipTransportError("TIMEOUT", `AFIP no respondió en ${opts.timeoutMs} ms`);
      throw new AfipTransportError("NETWORK", `Error de red con AFIP: ${err.message}`);
    }
  } else {
    const r = await postXml(opts.url, headers, requestXml, opts.timeoutMs);
    res = { status: r.status };
    text = r.text;
  }
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = xmlParser.parse(text) as Record<string, unknown>;
  } catch {
    parsed = undefined;
  }
  const env = parsed?.Envelope as Record<string, unknown> | undefined;
  const body = env?.Body as Record<string, unknown> | undefined;
  if (!body) throw new AfipTransportError("HTTP", `Respuesta inválida de AFIP (HTTP ${res.status})`, res.status);
  const fault = body.Fault as Record<string, unknown> | undefined;
  if (fault) {
    const code = String(fault.faultcode ?? "");
    throw new AfipSoapFault(code.includes(":") ? code.slice(code.indexOf(":") + 1) : code, String(fault.faultstring ?? ""));
  }
  return { requestXml, responseXml: text, body };
}
