import path from "node:path";
import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

// The size rules of eslint.config.mjs (issue 12): a function over 80 lines or a file over
// 300 fails `npm run lint` unless a reason is written next to it; blank lines and comments
// do not count; tests are exempt.
const root = path.resolve(import.meta.dirname, "..");
const eslint = new ESLint({ cwd: root });

async function sizeProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === "max-lines" || m.ruleId === "max-lines-per-function").map((m) => m.ruleId!);
}

const fn = (statements: number, extra = "") => `${extra}export function f(a: number) {\n${"  a += 1;\n".repeat(statements)}  return a;\n}\n`;

describe("ESLint size rules", () => {
  it("refuses a function over 80 lines and a file over 300", async () => {
    expect(await sizeProblems("src/server/inventory/y.ts", fn(80))).toEqual(["max-lines-per-function"]);
    const many = Array.from({ length: 40 }, (_, i) => fn(6).replace("function f", `function f${i}`)).join("");
    expect(await sizeProblems("src/components/x/y.tsx", many)).toEqual(["max-lines"]);
  });

  it("accepts 80 lines, blank lines and comments beyond that, a reason written next to it, and tests", async () => {
    expect(await sizeProblems("src/server/inventory/y.ts", fn(77))).toEqual([]);
    expect(await sizeProblems("src/server/inventory/y.ts", fn(77).replace("  return a;", "\n\n  // why\n".repeat(20) + "  return a;"))).toEqual([]);
    expect(await sizeProblems("src/server/inventory/y.ts", fn(120, "// eslint-disable-next-line max-lines-per-function -- one protocol in order\n"))).toEqual([]);
    expect(await sizeProblems("src/server/inventory/y.test.ts", fn(120))).toEqual([]);
  });
});
