import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";

/**
 * A small checker of WSFEv1 request bodies against the XML Schema embedded in the official
 * WSDL (src/server/afip/wsdl/wsfev1.wsdl): element names, namespace, order (xs:sequence,
 * including complexContent extensions), required elements, repetition and simple types.
 * Used by the fake AFIP (strict mode) and by the protocol tests.
 */

type Particle = { name: string; type: string; minOccurs: number; maxOccurs: number };
type Schema = { tns: string; elements: Map<string, Particle[] | string>; types: Map<string, Particle[]> };

const WSDL_PATH = path.resolve(process.cwd(), "src/server/afip/wsdl/wsfev1.wsdl");
let cached: Schema | undefined;

const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "", parseTagValue: false, trimValues: true });
type ONode = Record<string, any>;
const tagOf = (n: ONode) => Object.keys(n).find((k) => k !== ":@")!;
const kids = (n: ONode): ONode[] => (n[tagOf(n)] as ONode[]) ?? [];
const attrs = (n: ONode): Record<string, string> => (n[":@"] as Record<string, string>) ?? {};
const local = (q: string) => (q.includes(":") ? q.slice(q.indexOf(":") + 1) : q);

function loadSchema(wsdlPath = WSDL_PATH): Schema {
  if (cached && wsdlPath === WSDL_PATH) return cached;
  const doc = ordered.parse(readFileSync(wsdlPath, "utf8")) as ONode[];
  const defs = doc.find((n) => local(tagOf(n)) === "definitions")!;
  const types = kids(defs).find((n) => local(tagOf(n)) === "types")!;
  const schema = kids(types).find((n) => local(tagOf(n)) === "schema")!;
  const out: Schema = { tns: attrs(schema).targetNamespace!, elements: new Map(), types: new Map() };
  const seqOf = (complexType: ONode): Particle[] => {
    const parts: Particle[] = [];
    for (const c of kids(complexType)) {
      const t = local(tagOf(c));
      if (t === "sequence") {
        for (const e of kids(c)) {
          if (local(tagOf(e)) !== "element") continue;
          const a = attrs(e);
          parts.push({
            name: a.name!,
            type: a.type ?? "",
            minOccurs: Number(a.minOccurs ?? 1),
            maxOccurs: a.maxOccurs === "unbounded" ? Infinity : Number(a.maxOccurs ?? 1),
          });
        }
      } else if (t === "complexContent") {
        const ext = kids(c).find((x) => local(tagOf(x)) === "extension")!;
        parts.push({ name: "__extends__", type: attrs(ext).base!, minOccurs: 0, maxOccurs: 0 });
        parts.push(...seqOf(ext));
      }
    }
    return parts;
  };
  for (const n of kids(schema)) {
    const t = local(tagOf(n));
    const a = attrs(n);
    if (t === "complexType") out.types.set(a.name!, seqOf(n));
    if (t === "element") {
      const ct = kids(n).find((x) => local(tagOf(x)) === "complexType");
      out.elements.set(a.name!, ct ? seqOf(ct) : a.type!);
    }
  }
  if (wsdlPath === WSDL_PATH) cached = out;
  return out;
}

/** Flatten extension chains: base sequence first, then the extension's. */
function expand(schema: Schema, parts: Particle[]): Particle[] {
  const res: Particle[] = [];
  for (const p of parts) {
    if (p.name === "__extends__") res.push(...expand(schema, schema.types.get(local(p.type)) ?? []));
    else res.push(p);
  }
  return res;
}

function checkSimple(type: string, value: string, where: string, problems: string[]) {
  const t = local(type);
  if ((t === "int" || t === "long") && !/^-?\d+$/.test(value)) problems.push(`${where}: '${value}' no es ${t}`);
  if (t === "double" && !/^-?\d+(\.\d+)?$/.test(value)) problems.push(`${where}: '${value}' no es double`);
}

function checkNode(schema: Schema, node: ONode, parts: Particle[], where: string, ns: Map<string, string>, problems: string[]) {
  const seq = expand(schema, parts);
  const children = kids(node).filter((c) => tagOf(c) !== "#text");
  let i = 0;
  let count = 0;
  for (const child of children) {
    const scope = withNs(ns, child);
    const qname = tagOf(child);
    const prefix = qname.includes(":") ? qname.slice(0, qname.indexOf(":")) : "";
    const name = local(qname);
    if ((scope.get(prefix) ?? "") !== schema.tns) problems.push(`${where}/${name}: namespace '${scope.get(prefix) ?? ""}' en vez de '${schema.tns}'`);
    while (i < seq.length && seq[i]!.name !== name) {
      if (count === 0 && seq[i]!.minOccurs > 0) problems.push(`${where}: falta ${seq[i]!.name} antes de ${name}`);
      i++;
      count = 0;
    }
    if (i >= seq.length) {
      problems.push(`${where}: elemento inesperado o fuera de orden: ${name}`);
      return;
    }
    count++;
    if (count > seq[i]!.maxOccurs) problems.push(`${where}: ${name} repetido`);
    const p = seq[i]!;
    const sub = schema.types.get(local(p.type));
    if (sub) checkNode(schema, child, sub, `${where}/${name}`, scope, problems);
    else checkSimple(p.type, String(kids(child).find((c) => tagOf(c) === "#text")?.["#text"] ?? ""), `${where}/${name}`, problems);
  }
  for (let j = count > 0 ? i + 1 : i; j < seq.length; j++) {
    if (seq[j]!.minOccurs > 0) problems.push(`${where}: falta ${seq[j]!.name}`);
  }
}

function withNs(parent: Map<string, string>, node: ONode): Map<string, string> {
  const a = attrs(node);
  const decl = Object.entries(a).filter(([k]) => k === "xmlns" || k.startsWith("xmlns:"));
  if (!decl.length) return parent;
  const m = new Map(parent);
  for (const [k, v] of decl) m.set(k === "xmlns" ? "" : k.slice(6), v);
  return m;
}

/** Problems found in a SOAP request envelope's body operation; empty when valid. */
export function checkAgainstWsdl(envelopeXml: string, wsdlPath?: string): string[] {
  const schema = loadSchema(wsdlPath);
  const doc = ordered.parse(envelopeXml) as ONode[];
  const env = doc.find((n) => local(tagOf(n)) === "Envelope");
  if (!env) return ["sin soap:Envelope"];
  let ns = withNs(new Map(), env);
  const body = kids(env).find((n) => local(tagOf(n)) === "Body");
  if (!body) return ["sin soap:Body"];
  ns = withNs(ns, body);
  const op = kids(body).find((n) => tagOf(n) !== "#text");
  if (!op) return ["Body vacío"];
  const opName = local(tagOf(op));
  const opScope = withNs(ns, op);
  const prefix = tagOf(op).includes(":") ? tagOf(op).split(":")[0]! : "";
  const problems: string[] = [];
  if ((opScope.get(prefix) ?? "") !== schema.tns) problems.push(`${opName}: namespace incorrecto`);
  const def = schema.elements.get(opName);
  if (!def || typeof def === "string") return [`operación desconocida: ${opName}`];
  checkNode(schema, op, def, opName, opScope, problems);
  return problems;
}
