// The one XLSX module: the workbook's XML parts and rows (shared with the streaming writer in
// server/export/xlsx-stream.ts, which only adds a deflating zip container), and an in-memory
// writer for the browser: one sheet, a bold header row, entries STORED (no compression) so the
// only algorithm needed is CRC-32. Pure TypeScript, runs in the browser and in Node.

/** `{ decimal: "1234.50" }` is written as a number cell verbatim (no float in between). */
export type XlsxCell = string | number | { decimal: string } | null | undefined;

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** XML text: the five specials escaped, control characters Excel refuses dropped. */
const XML_SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const XML_ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
export const escapeXml = (s: string) =>
  // Most cells need nothing: one test instead of two replaces (a month's export has millions of cells).
  XML_SPECIAL.test(s) ? s.replace(/[&<>"]/g, (c) => XML_ENTITY[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "") : s;

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(i: number): string {
  return i < COLUMN_NAMES.length ? COLUMN_NAMES[i]! : computeColumnName(i);
}

function computeColumnName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const COLUMN_NAMES = Array.from({ length: 64 }, (_, i) => computeColumnName(i));

const DECIMAL = /^-?\d+(\.\d+)?$/;
const cellText = (v: XlsxCell) => (v !== null && typeof v === "object" ? v.decimal : String(v ?? ""));

/** One row (0-based index) as worksheet XML. Numbers stay numbers (the accountant sums them in Excel). */
export function rowXml(rowIndex: number, cells: XlsxCell[], style = ""): string {
  const r = rowIndex + 1;
  let out = `<row r="${r}">`;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined || v === "") continue;
    const ref = `${columnName(i)}${r}`;
    if (typeof v === "number" && Number.isFinite(v)) out += `<c r="${ref}"${style}><v>${v}</v></c>`;
    else if (typeof v === "object" && DECIMAL.test(v.decimal)) out += `<c r="${ref}"${style}><v>${v.decimal}</v></c>`;
    else out += `<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${escapeXml(cellText(v))}</t></is></c>`;
  }
  return `${out}</row>`;
}

/**
 * The same row without cell references: cells are written in order (an empty one as `<c/>`),
 * which spreadsheet readers place one after another, and `xml:space` only where the text
 * starts or ends with a space. About 40 % less XML to deflate for a large export.
 */
export function compactRowXml(rowIndex: number, cells: XlsxCell[]): string {
  let out = `<row r="${rowIndex + 1}">`;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (v === null || v === undefined || v === "") out += "<c/>";
    else if (typeof v === "number" && Number.isFinite(v)) out += `<c><v>${v}</v></c>`;
    else if (typeof v === "object" && DECIMAL.test(v.decimal)) out += `<c><v>${v.decimal}</v></c>`;
    else {
      const text = escapeXml(cellText(v));
      out += EDGE_SPACE.test(text) ? `<c t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>` : `<c t="inlineStr"><is><t>${text}</t></is></c>`;
    }
  }
  return `${out}</row>`;
}
const EDGE_SPACE = /^\s|\s$/;

const STYLES_XML = `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`;

/**
 * Every part of a one-sheet workbook except the sheet itself (`xl/worksheets/sheet1.xml`),
 * shared by the in-memory writer below and the streaming one (server/export/xlsx-stream.ts).
 * `styles` adds the stylesheet whose style 1 is the bold header.
 */
export function workbookParts(sheetName: string, opts: { styles: boolean }): [string, string][] {
  const name = escapeXml(sheetName.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Hoja1");
  const stylesType = `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`;
  const stylesRel = `<Relationship Id="rId2" Type="${REL_TYPE}/styles" Target="styles.xml"/>`;
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${opts.styles ? stylesType : ""}</Types>`,
    ],
    ["_rels/.rels", `${XML_HEAD}<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_TYPE}"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet1.xml"/>${opts.styles ? stylesRel : ""}</Relationships>`,
    ],
  ];
  if (opts.styles) parts.push(["xl/styles.xml", STYLES_XML]);
  return parts;
}

/** The worksheet's opening tag; the streaming writer follows it with rows and `SHEET_END`. */
export const SHEET_START = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}">`;
export const SHEET_END = "</sheetData></worksheet>";

function sheetXml(header: string[], rows: XlsxCell[][]): string {
  const widths = header.map((h, c) => Math.min(60, Math.max(h.length, ...rows.slice(0, 200).map((r) => cellText(r[c]).length)) + 2));
  return (
    SHEET_START +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>` +
    `<sheetData>${rowXml(0, header, ' s="1"')}${rows.map((r, i) => rowXml(i + 1, r)).join("")}${SHEET_END}`
  );
}

/** The bytes of an .xlsx workbook with one sheet (bold header, column widths), built in memory. */
export function buildXlsx(sheetName: string, header: string[], rows: XlsxCell[][]): Uint8Array {
  const files = [...workbookParts(sheetName, { styles: true }), ["xl/worksheets/sheet1.xml", sheetXml(header, rows)] as [string, string]];
  return zipStored(files.map(([path, text]) => [path, new TextEncoder().encode(text)]));
}

/** A zip archive with STORED entries (local headers, data, central directory). */
export function zipStored(entries: [string, Uint8Array][]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [path, data] of entries) {
    const name = new TextEncoder().encode(path);
    const crc = crc32(data);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, 0, true); // stored
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const dir = new Uint8Array(46 + name.length);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true);
    dv.setUint16(6, 20, true);
    dv.setUint16(8, 0x0800, true);
    dv.setUint32(16, crc, true);
    dv.setUint32(20, data.length, true);
    dv.setUint32(24, data.length, true);
    dv.setUint16(28, name.length, true);
    dv.setUint32(42, offset, true);
    dir.set(name, 46);
    chunks.push(local, data);
    central.push(dir);
    offset += local.length + data.length;
  }
  const dirSize = central.reduce((a, c) => a + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((a, c) => a + c.length, 0));
  let p = 0;
  for (const c of all) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
