import { describe, expect, it } from "vitest";
import { plural, pluralWord } from "./plural";

describe("plural", () => {
  it.each([
    [1, "producto", undefined, "1 producto"],
    [0, "producto", undefined, "0 productos"],
    [12, "botella", undefined, "12 botellas"],
    [1500, "unidad", "unidades", "1.500 unidades"],
    [1, "unidad", "unidades", "1 unidad"],
  ] as const)("%d %s", (n, one, many, text) => expect(plural(n, one, many)).toBe(text));
  it("gives the word alone", () => {
    expect(pluralWord(1, "fila")).toBe("fila");
    expect(pluralWord(2, "fila")).toBe("filas");
  });
});
