import { describe, expect, it } from "vitest";
import { crc32 as nodeCrc32 } from "node:zlib";
import { buildXlsx } from "./xlsx";
import { toCsv, toXlsx } from "./report-export";

/** Reads a STORED zip back: name → bytes, checking every CRC against Node's zlib. */
function unzip(bytes: Uint8Array): Map<string, string> {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, string>();
  let p = 0;
  while (v.getUint32(p, true) === 0x04034b50) {
    const crc = v.getUint32(p + 14, true);
    const size = v.getUint32(p + 18, true);
    const nameLen = v.getUint16(p + 26, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 30, p + 30 + nameLen));
    const data = bytes.subarray(p + 30 + nameLen, p + 30 + nameLen + size);
    expect(nodeCrc32(data), name).toBe(crc);
    out.set(name, new TextDecoder().decode(data));
    p += 30 + nameLen + size;
  }
  expect(v.getUint32(bytes.length - 22, true)).toBe(0x06054b50);
  expect(v.getUint16(bytes.length - 22 + 10, true)).toBe(out.size);
  return out;
}

describe("xlsx", () => {
  it("writes a valid zip with the workbook parts, numbers as numbers and escaped text", () => {
    const files = unzip(buildXlsx("Ventas", ["Producto", "Neto"], [["Café & <Té>", 1234.5], ["Agua", null]]));
    expect([...files.keys()]).toContain("xl/worksheets/sheet1.xml");
    expect(files.get("[Content_Types].xml")).toContain("spreadsheetml.sheet.main+xml");
    const sheet = files.get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain('<c r="A2" t="inlineStr"><is><t xml:space="preserve">Café &amp; &lt;Té&gt;</t></is></c><c r="B2"><v>1234.5</v></c>');
    expect(sheet).toContain('<row r="3"><c r="A3" t="inlineStr"><is><t xml:space="preserve">Agua</t></is></c></row>');
    expect(files.get("xl/workbook.xml")).toContain('<sheet name="Ventas"');
  });

  it("exports decimal strings as numeric cells and CSV in es-AR form", () => {
    const cols = [
      { label: "Día", kind: "text" as const },
      { label: "Neto", kind: "money" as const },
    ];
    const sheet = unzip(toXlsx("x", cols, [["01/12/2026", "1234567.89"]])).get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain("<v>1234567.89</v>");
    expect(toCsv(cols, [["01/12/2026", "1234567.89"], ['a;"b"', null]])).toBe('\uFEFFDía;Neto\r\n01/12/2026;1234567,89\r\n"a;""b""";\r\n');
  });
});
