import { describe, expect, it } from "vitest";
import { returnPathInBusiness } from "./request-path";
import { AFTER_SIGN_IN, safeCallbackPath } from "./safe-redirect";

describe("returnPathInBusiness: where a sign-in brings a deep link back", () => {
  it("keeps pages of that business, with their query", () => {
    expect(returnPathInBusiness("/demo/inventario/productos?buscar=leche", "demo")).toBe("/demo/inventario/productos?buscar=leche");
    expect(returnPathInBusiness("/demo", "demo")).toBe("/demo");
    expect(returnPathInBusiness("/demo?x=1", "demo")).toBe("/demo?x=1");
  });
  it.each([null, "", "/demo2/caja", "/otro/demo", "//evil.example/demo", "/demo//evil.example", "/demo/\\evil", "https://evil.example/demo", "/demo/\u0000x"])(
    "refuses %s",
    (raw) => expect(returnPathInBusiness(raw, "demo")).toBeNull(),
  );
  it("signing in without a valid way back lands where one business opens directly", () => {
    expect(safeCallbackPath("//evil.example", AFTER_SIGN_IN)).toBe(AFTER_SIGN_IN);
    expect(safeCallbackPath("/demo/caja", AFTER_SIGN_IN)).toBe("/demo/caja");
  });
});
