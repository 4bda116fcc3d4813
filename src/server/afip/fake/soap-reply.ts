import type { ServerResponse } from "node:http";
import { escapeXml } from "../soap";

// How the fake answers over SOAP 1.1: an envelope, a fault, ARCA's <Errors> block.

export type Msg = { code: number; msg: string };

export const send = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { "Content-Type": "text/xml; charset=utf-8" });
  res.end(`<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body>${body}</soap:Body></soap:Envelope>`);
};

export const fault = (res: ServerResponse, code: string, msg: string) =>
  send(res, 500, `<soap:Fault><faultcode>${code}</faultcode><faultstring>${escapeXml(msg)}</faultstring></soap:Fault>`);

export const errXml = (errs: Msg[]) =>
  errs.length ? `<Errors>${errs.map((e) => `<Err><Code>${e.code}</Code><Msg>${escapeXml(e.msg)}</Msg></Err>`).join("")}</Errors>` : "";
