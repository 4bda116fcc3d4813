import { describe, expect, it } from "vitest";
import { ZJsonMetadata } from "./json-metadata";

describe("JSON metadata limits (issue 11)", () => {
  it("refuses more than 8 KB or more than 5 levels", () => {
    expect(ZJsonMetadata.safeParse({ origen: "Salta", notas: { a: [1, 2] } }).success).toBe(true);
    expect(ZJsonMetadata.safeParse({ big: "x".repeat(9000) }).success).toBe(false);
    let deep: Record<string, unknown> = { v: 1 };
    for (let i = 0; i < 8; i++) deep = { d: deep };
    expect(ZJsonMetadata.safeParse(deep).success).toBe(false);
  });
});
