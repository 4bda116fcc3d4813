import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

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
