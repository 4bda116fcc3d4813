import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_KEYS, parseEnv, runtimeEnv } from "./env";
import { afipTimeoutMs } from "./fiscal/afip-runtime";

const key32 = () => randomBytes(32).toString("base64");
const prod = () => ({
  NODE_ENV: "production",
  DATABASE_URL: "postgres://app:x@db/mostrador",
  NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
  FISCAL_KEY_ENCRYPTION_KEY: key32(),
  INNGEST_SIGNING_KEY: "signkey-prod-" + "ab".repeat(32),
  INNGEST_EVENT_KEY: "event-key",
});

describe("environment (issue 11)", () => {
  it("production refuses to start without each secret, naming it", () => {
    expect(() => parseEnv(prod())).not.toThrow();
    for (const k of ["NEXTAUTH_SECRET", "FISCAL_KEY_ENCRYPTION_KEY", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY"] as const) {
      expect(() => parseEnv({ ...prod(), [k]: undefined }), k).toThrow(new RegExp(k));
    }
    expect(() => parseEnv({ ...prod(), NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET/);
    expect(() => parseEnv({ ...prod(), FISCAL_KEY_ENCRYPTION_KEY: "bm90LTMyLWJ5dGVz" })).toThrow(/FISCAL_KEY_ENCRYPTION_KEY/);
    expect(() => parseEnv({ ...prod(), INNGEST_DEV: "1" })).toThrow(/INNGEST_DEV/);
  });

  it("development generates random secrets once into .data (no published default)", () => {
    const dev = { NODE_ENV: "development", DATABASE_URL: "postgres://app:x@db/mostrador" };
    const a = parseEnv(dev);
    const b = parseEnv(dev);
    expect(a.NEXTAUTH_SECRET).toBe(b.NEXTAUTH_SECRET);
    expect(a.NEXTAUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(a.NEXTAUTH_SECRET).not.toMatch(/dev-only|change-me/);
    expect(Buffer.from(a.FISCAL_KEY_ENCRYPTION_KEY, "base64")).toHaveLength(32);
    const file = path.resolve(process.cwd(), ".data/dev-secrets.json");
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, "utf8")).NEXTAUTH_SECRET).toBe(a.NEXTAUTH_SECRET);
    // An explicit value wins.
    expect(parseEnv({ ...dev, NEXTAUTH_SECRET: "x".repeat(40) }).NEXTAUTH_SECRET).toBe("x".repeat(40));
  });
});

const root = path.resolve(import.meta.dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

describe("environment: one declared place (issue 21.3)", () => {
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
          if (m[1] === "NEXT_RUNTIME") continue; // set by Next.js; instrumentation checks it before importing env (edge runtime)
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
