import { describe, expect, it } from "vitest";
import { CsvSyntaxError, detectDelimiter, parseCsv } from "./csv";
import { gtinCheckDigit, isValidBarcode, withCheckDigit } from "./barcode";

describe("parseCsv", () => {
  it("parses quoted fields, escaped quotes, CRLF and line breaks inside quotes", () => {
    const text = 'a,b,c\r\n"x, y","he said ""hi""",3\n"multi\nline",,z\n';
    const r = parseCsv(text, ",");
    expect(r).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x, y", 'he said "hi"', "3"] },
      { line: 3, fields: ["multi\nline", "", "z"] },
    ]);
  });
  it("keeps record start lines after multi-line fields and skips blank lines", () => {
    const r = parseCsv('h\n"a\nb"\n\nc', ",");
    expect(r.map((x) => x.line)).toEqual([1, 2, 5]);
    expect(r[2]!.fields).toEqual(["c"]);
  });
  it("handles a BOM, a last line without newline and an empty quoted field", () => {
    expect(parseCsv('\uFEFFa;b\n"";x', ";")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["", "x"] },
    ]);
  });
  it("rejects unclosed quotes and stray quotes with the line", () => {
    expect(() => parseCsv('a\n"open', ",")).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\nb"c', ",");
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
    expect(() => parseCsv('"a"b', ",")).toThrow(/después de cerrar comillas/);
  });
  it("detects ; and , delimiters", () => {
    expect(detectDelimiter("a;b;c\n1,5;2;3")).toBe(";");
    expect(detectDelimiter("a,b,c")).toBe(",");
  });
});

describe("barcodes", () => {
  it("validates EAN-13, EAN-8 and UPC-A check digits", () => {
    expect(isValidBarcode("7790070012050")).toBe(gtinCheckDigit("779007001205") === 0);
    expect(isValidBarcode("4006381333931")).toBe(true); // EAN-13
    expect(isValidBarcode("4006381333932")).toBe(false);
    expect(isValidBarcode("96385074")).toBe(true); // EAN-8
    expect(isValidBarcode("036000291452")).toBe(true); // UPC-A
    expect(isValidBarcode("036000291453")).toBe(false);
    expect(isValidBarcode("12345")).toBe(false);
    expect(isValidBarcode("40063813339a")).toBe(false);
    expect(isValidBarcode(withCheckDigit("779123456789"))).toBe(true);
  });
});
