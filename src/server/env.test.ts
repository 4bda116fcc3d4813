import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_KEYS, runtimeEnv } from "./env";
import { afipTimeoutMs } from "./fiscal/afip-runtime";

const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe("environment", () => {
  it("AFIP_TIMEOUT_MS is a validated number: default 30 s, a malformed value throws (never NaN)", () => {
    expect(runtimeEnv({}).AFIP_TIMEOUT_MS).toBe(30_000);
    expect(runtimeEnv({ AFIP_TIMEOUT_MS: "1500" }).AFIP_TIMEOUT_MS).toBe(1500);
    expect(() => runtimeEnv({ AFIP_TIMEOUT_MS: "30s" })).toThrow(/AFIP_TIMEOUT_MS/);
    expect(() => runtimeEnv({ AFIP_TIMEOUT_MS: "-5" })).toThrow(/AFIP_TIMEOUT_MS/);
    const before = process.env.AFIP_TIMEOUT_MS;
    process.env.AFIP_TIMEOUT_MS = "abc";
    try {
      expect(() => afipTimeoutMs()).toThrow(/Invalid environment: AFIP_TIMEOUT_MS/);
    } finally {
      if (before === undefined) delete process.env.AFIP_TIMEOUT_MS;
      else process.env.AFIP_TIMEOUT_MS = before;
    }
  });

  it("ports and URLs are validated too", () => {
    expect(runtimeEnv({}).PORT).toBe(3000);
    expect(() => runtimeEnv({ E2E_PORT: "70000" })).toThrow(/E2E_PORT/);
    expect(() => runtimeEnv({ FAKE_AFIP_URL: "not a url" })).toThrow(/FAKE_AFIP_URL/);
  });

  it("nothing outside env.ts reads process.env (client code may read the build-time NODE_ENV)", () => {
    const offenders: string[] = [];
    for (const file of [...files(path.join(root, "src")), ...files(path.join(root, "scripts"))]) {
      if (file.endsWith("src/server/env.ts") || /\.test\.tsx?$/.test(file) || file.includes(`${path.sep}src${path.sep}test${path.sep}setup-db.ts`)) continue;
      const text = readFileSync(file, "utf8");
      const client = /^["']use client["']/.test(text);
      text.split("\n").forEach((line, i) => {
        for (const m of line.matchAll(/process\.env\.([A-Z_]+)(\s*(\?\?=|=(?!=)))?/g)) {
          if (m[2]) continue; // an assignment (scripts hand values to child processes)
          if (m[1] === "NODE_ENV" && client) continue;
          if (line.includes('"process.env.NODE_ENV"')) continue; // esbuild define in build-sw
          offenders.push(`${path.relative(root, file)}:${i + 1} ${m[0]}`);
        }
      });
    }
    expect(offenders).toEqual([]);
  });

  it("every declared variable is documented in .env.example", () => {
    const example = readFileSync(path.join(root, ".env.example"), "utf8");
    const missing = ENV_KEYS.filter((k) => !new RegExp(`^#? ?${k}=`, "m").test(example));
    expect(missing).toEqual([]);
  });
});
