import { describe, expect, it } from "vitest";
import { crc32, inflateRawSync } from "node:zlib";
import { readXlsxFirstSheet } from "@/lib/xlsx-read";
import { writeXlsx, writeXlsxBatches } from "./xlsx-stream";

/** Reads the zip back through its central directory, inflating each part and checking its CRC. */
function unzip(bytes: Buffer): Map<string, string> {
  const end = bytes.length - 22;
  expect(bytes.readUInt32LE(end)).toBe(0x06054b50);
  const count = bytes.readUInt16LE(end + 10);
  let p = bytes.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(bytes.readUInt32LE(p)).toBe(0x02014b50);
    const crc = bytes.readUInt32LE(p + 16);
    const compressed = bytes.readUInt32LE(p + 20);
    const nameLen = bytes.readUInt16LE(p + 28);
    const offset = bytes.readUInt32LE(p + 42);
    const name = bytes.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    const start = offset + 30 + bytes.readUInt16LE(offset + 26);
    const data = inflateRawSync(bytes.subarray(start, start + compressed));
    expect(crc32(data), name).toBe(crc);
    out.set(name, data.toString("utf8"));
    p += 46 + nameLen;
  }
  return out;
}

describe("streaming xlsx (parts from lib/xlsx)", () => {
  it("writes every workbook part; decimals verbatim as numbers, text escaped, rows streamed in order", async () => {
    const chunks: Uint8Array[] = [];
    async function* rows() {
      yield ["Cuenta", "Debe"];
      yield ["Caja & <Bancos>", { decimal: "1234567.89" }];
      yield ["Sin importe", null];
    }
    await writeXlsx("Asientos 1/2", rows(), (c) => void chunks.push(c));
    const files = unzip(Buffer.concat(chunks));
    expect([...files.keys()].sort()).toEqual(["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]);
    expect(files.get("xl/workbook.xml")).toContain('<sheet name="Asientos 1 2"');
    const sheet = files.get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">Caja &amp; &lt;Bancos&gt;</t></is></c><c r="B2"><v>1234567.89</v></c>');
    expect(sheet).toContain('<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">Sin importe</t></is></c></row>');
    expect(sheet.endsWith("</sheetData></worksheet>")).toBe(true);
  });

  it("large sheets: rows in batches without cell references read back cell by cell, empty cells keeping their column", async () => {
    const chunks: Uint8Array[] = [];
    const batches = [
      [["Cuenta", "Debe", "Detalle"]],
      [
        ["Caja & <Bancos>", { decimal: "1234567.89" }, ""],
        [" Sangría ", null, "Cobro"],
      ],
    ];
    await writeXlsxBatches("Asientos", batches, (c) => void chunks.push(c), { large: true });
    const bytes = Buffer.concat(chunks);
    const sheet = unzip(bytes).get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain('<row r="2"><c t="inlineStr"><is><t>Caja &amp; &lt;Bancos&gt;</t></is></c><c><v>1234567.89</v></c><c/></row>');
    expect(sheet).toContain('<t xml:space="preserve"> Sangría </t>');
    expect(await readXlsxFirstSheet(new Uint8Array(bytes))).toEqual([
      { row: 1, cells: ["Cuenta", "Debe", "Detalle"] },
      { row: 2, cells: ["Caja & <Bancos>", { number: "1234567.89" }, ""] },
      { row: 3, cells: [" Sangría ", "", "Cobro"] },
    ]);
  });
});
