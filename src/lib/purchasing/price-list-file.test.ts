import { describe, expect, it } from "vitest";
import { deflateRawSync } from "node:zlib";
import { buildXlsx, crc32 } from "../xlsx";
import { decodeCsvBytes, MAX_PRICE_LIST_FILE_BYTES, readPriceListFile, xlsxToCsv } from "./price-list-file";

/** A zip with DEFLATEd entries, as Excel writes them (the app's own writer only stores). */
function zipDeflated(entries: [string, string][]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, text] of entries) {
    const data = Buffer.from(text, "utf-8");
    const packed = deflateRawSync(data);
    const name = Buffer.from(path, "utf-8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(crc32(data), 16);
    dir.writeUInt32LE(packed.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    parts.push(local, name, packed);
    central.push(dir, name);
    offset += 30 + name.length + packed.length;
  }
  const size = central.reduce((a, c) => a + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, ...central, end]));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const excelLike = (sheetRows: string) =>
  zipDeflated([
    ["[Content_Types].xml", "<Types/>"],
    ["xl/workbook.xml", `<workbook ${NS} xmlns:r="r"><sheets><sheet name="Precios" sheetId="1" r:id="rId3"/></sheets></workbook>`],
    ["xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId3" Type="worksheet" Target="worksheets/hoja.xml"/></Relationships>`],
    [
      "xl/sharedStrings.xml",
      `<sst ${NS}><si><t>codigo_barras</t></si><si><t>nombre</t></si><si><t>precio</t></si><si><t>unidades_por_bulto</t></si>` +
        `<si><r><t>Caf</t></r><r><rPr><b/></rPr><t xml:space="preserve">é &amp; té</t></r><rPh><t>x</t></rPh></si><si><t>1.100</t></si></sst>`,
    ],
    ["xl/worksheets/hoja.xml", `<worksheet ${NS}><sheetData>${sheetRows}</sheetData></worksheet>`],
  ]);

describe("price-list files: what Excel in es-AR saves", () => {
  it("reads UTF-8 as such and falls back to Windows-1252 for bytes that are not UTF-8", () => {
    const utf8 = new TextEncoder().encode("\ufeffnombre;precio\nAñejo;1.100\n");
    expect(decodeCsvBytes(utf8)).toEqual({ text: "nombre;precio\nAñejo;1.100\n", format: "csv-utf8" });
    // "Año º" in Windows-1252: ñ = 0xF1, º = 0xBA (not valid UTF-8 on their own).
    const cp1252 = new Uint8Array([0x41, 0xf1, 0x6f, 0x20, 0xba, 0x3b, 0x80, 0x93, 0x94]);
    expect(decodeCsvBytes(cp1252)).toEqual({ text: "Año º;€“”", format: "csv-windows-1252" });
  });

  it("turns an Excel-like (deflated, shared strings, rich text, numbers, gaps) first sheet into CSV, row N on line N", async () => {
    const rows =
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>` +
      `<row r="2"><c r="A2"><v>7791234567893</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>1100.5</v></c><c r="D2"><v>12</v></c></row>` +
      `<row r="4"><c r="A4" t="inlineStr"><is><t>7790001112223</t></is></c><c r="B4" t="str"><v>Yerba; "suave"</v></c><c r="C4" t="s"><v>5</v></c><c r="D4"><v>1E1</v></c></row>`;
    expect(await xlsxToCsv(excelLike(rows))).toBe(
      ["codigo_barras;nombre;precio;unidades_por_bulto", "7791234567893;Café & té;1100,5;12", "", '7790001112223;"Yerba; ""suave""";1.100;10'].join("\r\n"),
    );
  });

  it("reads the app's own (stored) XLSX export too", async () => {
    const bytes = buildXlsx("Hoja", ["codigo_barras", "precio"], [["7791234567893", 1234.5]]);
    expect(await xlsxToCsv(bytes)).toBe("codigo_barras;precio\r\n7791234567893;1234,5");
  });

  it("refuses too large, damaged and old .xls files with a message", async () => {
    const big = new Uint8Array(MAX_PRICE_LIST_FILE_BYTES + 1);
    expect(await readPriceListFile("a.csv", big)).toEqual({ ok: false, message: expect.stringMatching(/más de 5 MB/) });
    const broken = excelLike("<row/>").slice(0, 200);
    expect(await readPriceListFile("a.xlsx", broken)).toEqual({ ok: false, message: expect.stringMatching(/no es un Excel|dañado/) });
    expect(await readPriceListFile("a.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toEqual({ ok: false, message: expect.stringMatching(/\.xls/) });
    expect(await readPriceListFile("a.xlsx", excelLike(""))).toMatchObject({ ok: true, format: "xlsx", csv: "" });
  });
});
