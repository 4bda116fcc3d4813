// A minimal XLSX reader: the first sheet's cells as text, row by row. An .xlsx is a zip of XML
// parts; entries are STORED or DEFLATEd, and the platform's DecompressionStream("deflate-raw")
// (browsers and Node ≥ 18) inflates them, so no dependency is needed. Pure TypeScript, runs in
// the browser (the price-list upload) and in Node (tests). Numbers come out as the wire's
// canonical decimals ("1100", "12.5"): the caller decides how to show or read them.

export class XlsxReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxReadError";
  }
}

/** Cells of one row: text, or `{ number }` with the canonical decimal the cell stores. */
export type XlsxCellValue = string | { number: string };
export type XlsxRow = { /** 1-based row number in the sheet. */ row: number; cells: XlsxCellValue[] };

const MAX_PART_BYTES = 64 * 1024 * 1024; // one inflated XML part; a zip bomb stops here

type Entry = { name: string; method: number; compressedSize: number; size: number; offset: number };

function centralDirectory(bytes: Uint8Array): Map<string, Entry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxReadError("El archivo no es un Excel (.xlsx) válido.");
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const entries = new Map<string, Entry>();
  const utf8 = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new XlsxReadError("El archivo Excel está dañado.");
    const nameLen = view.getUint16(p + 28, true);
    const entry: Entry = {
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    };
    entries.set(entry.name, entry);
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_PART_BYTES) {
      await reader.cancel();
      throw new XlsxReadError("El archivo Excel es demasiado grande una vez descomprimido.");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

async function readPart(bytes: Uint8Array, entries: Map<string, Entry>, name: string): Promise<string | null> {
  const e = entries.get(name);
  if (!e) return null;
  if (e.size > MAX_PART_BYTES) throw new XlsxReadError("El archivo Excel es demasiado grande una vez descomprimido.");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== 0x04034b50) throw new XlsxReadError("El archivo Excel está dañado.");
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  const raw = bytes.subarray(start, start + e.compressedSize);
  if (e.method === 0) return new TextDecoder().decode(raw);
  if (e.method === 8) {
    try {
      return new TextDecoder().decode(await inflate(raw));
    } catch (err) {
      if (err instanceof XlsxReadError) throw err;
      throw new XlsxReadError("El archivo Excel está dañado.");
    }
  }
  throw new XlsxReadError("El archivo Excel usa una compresión que no se puede leer; guardalo de nuevo como .xlsx o .csv.");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e.toLowerCase()]!,
  );
/** The text of an <si> or <is>: every <t> run, without phonetic (<rPh>) runs. */
const runText = (xml: string) =>
  [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join("");
const attr = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

const columnIndex = (ref: string) => {
  let n = 0;
  for (const ch of /^[A-Z]+/.exec(ref)?.[0] ?? "") n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

/** The worksheet part the workbook lists first (what Excel opens on). */
async function firstSheetName(bytes: Uint8Array, entries: Map<string, Entry>): Promise<string> {
  const workbook = (await readPart(bytes, entries, "xl/workbook.xml")) ?? "";
  const rels = (await readPart(bytes, entries, "xl/_rels/workbook.xml.rels")) ?? "";
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const rel = rid ? [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => m[1]!).find((a) => attr(a, "Id") === rid) : undefined;
  const target = rel ? attr(rel, "Target") : undefined;
  if (target) return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
  const fallback = [...entries.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort()[0];
  if (!fallback) throw new XlsxReadError("El archivo Excel no tiene hojas.");
  return fallback;
}

/** Reads the first sheet of an .xlsx. Throws XlsxReadError with a Spanish message. */
export async function readXlsxFirstSheet(bytes: Uint8Array): Promise<XlsxRow[]> {
  const entries = centralDirectory(bytes);
  const sheet = await readPart(bytes, entries, await firstSheetName(bytes, entries));
  if (sheet === null) throw new XlsxReadError("El archivo Excel no tiene hojas.");
  const shared = [...((await readPart(bytes, entries, "xl/sharedStrings.xml")) ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => runText(m[1]!));
  const rows: XlsxRow[] = [];
  let nextRow = 1;
  for (const rm of sheet.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const row = Number(attr(rm[1]!, "r") ?? nextRow);
    nextRow = row + 1;
    const cells: XlsxCellValue[] = [];
    let nextCol = 0;
    for (const cm of (rm[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = cm[1]!;
      const body = cm[2] ?? "";
      const ref = attr(attrs, "r");
      const col = ref ? columnIndex(ref) : nextCol;
      nextCol = col + 1;
      const type = attr(attrs, "t") ?? "n";
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: XlsxCellValue = "";
      if (type === "s") value = shared[Number(v)] ?? "";
      else if (type === "inlineStr") value = runText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "");
      else if (type === "str" || type === "e") value = unescapeXml(v ?? "");
      else if (type === "b") value = v === "1" ? "VERDADERO" : "FALSO";
      else if (v !== undefined && v.trim() !== "") value = { number: v.trim() };
      while (cells.length < col) cells.push("");
      cells[col] = value;
    }
    rows.push({ row, cells });
  }
  return rows;
}

/** A zip (and so an .xlsx) starts with "PK\x03\x04". */
export const looksLikeZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
