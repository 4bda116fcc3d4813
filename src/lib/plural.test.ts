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

describe("unitWord", () => {
  it("agrees unit words with the quantity and leaves symbols alone", async () => {
    const { unitWord } = await import("./plural");
    expect(unitWord("1.000", "botella")).toBe("botella");
    expect(unitWord("20.000", "botella")).toBe("botellas");
    expect(unitWord("4", "bidón")).toBe("bidones");
    expect(unitWord("2", "pack")).toBe("packs");
    expect(unitWord("3", "unidad")).toBe("unidades");
    expect(unitWord("1.5", "kg")).toBe("kg");
    expect(unitWord("20", "u")).toBe("u");
    expect(unitWord("0.5", "lata")).toBe("latas");
  });
});
