import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { fakeArcaRefusal, parseEnv } from "../env";
import { endpointsFor } from "./afip-runtime";

// The fake ARCA in a production build: refused, except the e2e server's explicitly configured
// local stand-in (E2E=1 and a loopback FAKE_AFIP_URL). The e2e billing spec proves the allowed
// path end to end; these cases prove every other production combination is refused.

const prod = (extra: Record<string, string | undefined> = {}) => ({
  NODE_ENV: "production",
  DATABASE_URL: "postgres://app:x@db/mostrador",
  NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
  FISCAL_KEY_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  INNGEST_SIGNING_KEY: "signkey-prod-" + "ab".repeat(32),
  INNGEST_EVENT_KEY: "event-key",
  ...extra,
});

const KEYS = ["NODE_ENV", "E2E", "FAKE_AFIP_URL"] as const;
const saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
function setEnv(values: Partial<Record<(typeof KEYS)[number], string>>) {
  for (const k of KEYS) {
    const v = k in values ? values[k] : saved[k];
    if (v === undefined) delete (process.env as Record<string, string | undefined>)[k];
    else (process.env as Record<string, string>)[k] = v;
  }
}
afterEach(() => setEnv({}));

describe("fake ARCA guard (production vs. the e2e server)", () => {
  it("a production environment with FAKE_AFIP_URL refuses to start unless it is the e2e server on a loopback address", () => {
    expect(() => parseEnv(prod())).not.toThrow();
    expect(() => parseEnv(prod({ FAKE_AFIP_URL: "http://127.0.0.1:8090" }))).toThrow(/FAKE_AFIP_URL must not be set in production/);
    expect(() => parseEnv(prod({ E2E: "0", FAKE_AFIP_URL: "http://127.0.0.1:8090" }))).toThrow(/FAKE_AFIP_URL/);
    expect(() => parseEnv(prod({ E2E: "1" }))).toThrow(/needs FAKE_AFIP_URL/);
    expect(() => parseEnv(prod({ E2E: "1", FAKE_AFIP_URL: "http://10.0.0.5:8090" }))).toThrow(/must point to this machine/);
    expect(() => parseEnv(prod({ E2E: "1", FAKE_AFIP_URL: "http://127.0.0.1.evil.test:8090" }))).toThrow(/must point to this machine/);
    expect(() => parseEnv(prod({ E2E: "1", FAKE_AFIP_URL: "http://127.0.0.1:8090" }))).not.toThrow();
    expect(() => parseEnv(prod({ E2E: "1", FAKE_AFIP_URL: "http://localhost:8090" }))).not.toThrow();
  });

  it("outside production the fake is always allowed", () => {
    expect(fakeArcaRefusal({ NODE_ENV: "development" })).toBeNull();
    expect(fakeArcaRefusal({ NODE_ENV: "test", FAKE_AFIP_URL: "http://10.0.0.5:1" })).toBeNull();
  });

  it("the app resolves FAKE endpoints in production only for the e2e server's local stand-in, and never starts one in-process", async () => {
    setEnv({ NODE_ENV: "production" });
    await expect(endpointsFor("FAKE")).rejects.toThrow(/producción/);
    setEnv({ NODE_ENV: "production", FAKE_AFIP_URL: "http://127.0.0.1:8090" });
    await expect(endpointsFor("FAKE")).rejects.toThrow(/producción/);
    // E2E=1 without a configured stand-in: refused (the in-process fake is development only).
    setEnv({ NODE_ENV: "production", E2E: "1" });
    await expect(endpointsFor("FAKE")).rejects.toThrow(/producción/);
    setEnv({ NODE_ENV: "production", E2E: "1", FAKE_AFIP_URL: "http://192.168.1.20:8090" });
    await expect(endpointsFor("FAKE")).rejects.toThrow(/producción/);
    setEnv({ NODE_ENV: "production", E2E: "1", FAKE_AFIP_URL: "http://127.0.0.1:8090" });
    await expect(endpointsFor("FAKE")).resolves.toEqual({
      wsaa: "http://127.0.0.1:8090/ws/services/LoginCms",
      wsfe: "http://127.0.0.1:8090/wsfev1/service.asmx",
    });
    // The official endpoints are what they always were.
    expect((await endpointsFor("PRODUCTION")).wsfe).toBe("https://servicios1.afip.gov.ar/wsfev1/service.asmx");
  });
});
