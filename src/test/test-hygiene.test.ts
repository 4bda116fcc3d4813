import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Tests wait for conditions, never for time, and every line serves an assertion (issue 21.5).
// This scans every unit test and e2e spec for the shapes that break that rule.
const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string, re: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p, re) : re.test(name) ? [p] : [];
  });
}

const RULES: [RegExp, string][] = [
  [/\bwaitForTimeout\s*\(/, "waits for time (wait for a condition: expect(...).toBe..., expect.poll)"],
  [/^\s*void\s+[a-zA-Z_$][\w$]*\s*;\s*$/, "discards a result (assert on it or drop the call)"],
  [/\b(it|test|describe)\.(only|skip)\s*\(/, "focused or skipped test"],
  [/\bxit\s*\(|\bfit\s*\(/, "focused or skipped test"],
];

describe("test hygiene", () => {
  it("no test waits for time, discards a result, or is focused/skipped", () => {
    const found: string[] = [];
    const tests = [...files(path.join(root, "src"), /\.test\.tsx?$/), ...files(path.join(root, "e2e"), /\.ts$/)];
    for (const file of tests) {
      if (file === path.join(root, "src/test/test-hygiene.test.ts")) continue;
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          for (const [re, why] of RULES) if (re.test(line)) found.push(`${path.relative(root, file)}:${i + 1} ${why}`);
        });
    }
    expect(found).toEqual([]);
  });
});
