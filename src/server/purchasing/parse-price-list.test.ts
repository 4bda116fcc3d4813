import { describe, expect, it } from "vitest";
import { withCheckDigit } from "@/lib/barcode";
import { parsePriceList, readListNumber } from "./parse-price-list";

const ean = (n: number) => withCheckDigit(`779${String(n).padStart(9, "0")}`);

describe("price list CSV", () => {
  it("reports every invalid row with its line number and field", () => {
    const bad = ean(2).slice(0, 12) + String((Number(ean(2)[12]) + 1) % 10);
    const csv = [
      "codigo_barras;nombre;precio;unidades_por_bulto;precio_venta",
      `${ean(1)};Yerba 1 kg;"1.234,50";10;2000`, // 2: ok (decimal comma, thousands dot)
      `${bad};Fideos;100;1;`, // 3: check digit
      `${ean(3)};;100;1;`, // 4: name missing
      `${ean(4)};Arroz;0;1;`, // 5: price 0
      `${ean(5)};Azúcar;10;0;`, // 6: units 0
      `ABC 123;Sal;10;1;`, // 7: not a code (the product form refuses it too)
      `${ean(1)};Yerba repetida;10;1;`, // 8: duplicate of row 2
      `"${ean(6)}";"Aceite ""premium""; 900 ml";-5;1;abc`, // 9: price negative + sale price invalid
    ].join("\r\n");
    const r = parsePriceList(csv);
    expect(r.total).toBe(8);
    expect(r.rows.map((x) => [x.row, x.price, x.unitsPerPack, x.salePrice])).toEqual([[2, "1234.5000", "10.000", "2000.00"]]);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [3, "codigo_barras"],
      [4, "nombre"],
      [5, "precio"],
      [6, "unidades_por_bulto"],
      [7, "codigo_barras"],
      [8, "codigo_barras"],
      [9, "precio"],
      [9, "precio_venta"],
    ]);
    expect(r.errors.find((e) => e.row === 8)!.message).toMatch(/fila 2/);
  });

  it("reports missing columns and syntax errors", () => {
    expect(parsePriceList("codigo;nombre\n1;2").errors[0]!.message).toMatch(/precio, unidades_por_bulto/);
    expect(parsePriceList('codigo,nombre,precio,unidades\n"123,x,1,1').errors[0]).toMatchObject({ row: 2, field: "archivo" });
  });

  it.each([
    ["1.100", "1100"],
    ["1.234,56", "1234.56"],
    ["$ 1.500", "1500"],
    ["1,5", "1.5"],
    [",5", "0.5"],
    [" 1.234.567,89 ", "1234567.89"],
    ["1100", "1100"],
  ])("reads %s es-AR style as %s", (raw, value) => expect(readListNumber(raw, 10)).toEqual({ ok: true, value }));

  it.each([
    ["1.50", /ambiguo/],
    ["12.5", /ambiguo/],
    ["1,2,3", /más de una coma/],
    ["1 500", /espacios/],
    ["1.10.00", /mal ubicados/],
    ["99.999.999.999", /demasiado grande/],
  ])("refuses %s with a message that shows why", (raw, message) => {
    const r = readListNumber(raw, 10);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  });

  it("a supplier's \"1.100\" is one thousand one hundred; an ambiguous price rejects the row with the reading", () => {
    const r = parsePriceList(`codigo_barras;nombre;precio;unidades_por_bulto\n${ean(1)};Yerba;1.100;1\n${ean(2)};Té;1.10;1\n${ean(3)};Mate;"2,12345";1.000\n`);
    expect(r.rows.map((x) => [x.row, x.price, x.unitsPerPack])).toEqual([
      [2, "1100.0000", "1.000"],
      [4, "2.1235", "1000.000"], // more decimals than the column keeps round half up
    ]);
    expect(r.errors).toEqual([{ row: 3, field: "precio", message: expect.stringMatching(/«1.10» es ambiguo.*¿Quisiste decir 1,10\?/) }]);
  });
});
