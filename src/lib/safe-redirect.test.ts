import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("sign-in callbackUrl (issue 11)", () => {
  it("accepts same-origin paths only", () => {
    expect(safeCallbackPath("/demo/pos")).toBe("/demo/pos");
    expect(safeCallbackPath("/demo?x=1#y")).toBe("/demo?x=1#y");
    for (const bad of ["//evil.example", "/\\evil.example", "/\\/evil.example", "https://evil.example/", "javascript:alert(1)", "evil", "/%09/evil", "/\t/evil.example", "", null]) {
      const out = safeCallbackPath(bad);
      expect(out === "/negocios" || new URL(out, "http://x.invalid").host === "x.invalid", String(bad)).toBe(true);
      expect(out.startsWith("//")).toBe(false);
    }
    expect(safeCallbackPath("//evil.example")).toBe("/negocios");
    expect(safeCallbackPath("/\\evil.example")).toBe("/negocios");
    expect(safeCallbackPath("https://evil.example/")).toBe("/negocios");
  });
});
