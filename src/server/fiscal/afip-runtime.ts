import "server-only";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "../errors/app-error";
import { fakeEndpoints, OFFICIAL_ENDPOINTS, type AfipEndpoints, type AfipEnvironment } from "../afip/endpoints";
import { createTestCa, type Pem } from "../afip/fake/certs";
import { fakeArcaRefusal, runtimeEnv } from "../env";

// Where each environment's AFIP lives. FAKE is the local fake AFIP: FAKE_AFIP_URL when set
// (tests, a shared dev instance), otherwise one started in this process for dev/demo with its
// CA and numbering persisted under .data/fake-afip. FAKE can never be used in production mode.

const devDir = () => path.resolve(/*turbopackIgnore: true*/ process.cwd(), runtimeEnv().FAKE_AFIP_DIR);
const g = globalThis as unknown as { __mostradorFakeAfip?: Promise<string> };

/** Validated: an unset value is 30 s, a malformed one throws (never NaN). */
export const afipTimeoutMs = (): number => runtimeEnv().AFIP_TIMEOUT_MS;

/**
 * Refuses the fake ARCA in production, except the e2e server's explicitly configured local
 * stand-in (E2E=1 + a loopback FAKE_AFIP_URL: see fakeArcaRefusal in env.ts).
 */
export function assertFakeAllowed(): void {
  if (fakeArcaRefusal(runtimeEnv())) {
    throw new AppError("INVALID_STATE", "El ARCA simulado no puede usarse en modo producción");
  }
}

/** The dev fake's CA (created once, kept on disk) — the demo seeder issues its certificate from it. */
export function devFakeCa(): Pem {
  // Never in a production process, not even the e2e one: only the fake itself and seeds hold the CA.
  if (runtimeEnv().NODE_ENV === "production") throw new AppError("INVALID_STATE", "El ARCA simulado no puede usarse en modo producción");
  const file = path.join(devDir(), "ca.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Pem;
  mkdirSync(devDir(), { recursive: true });
  const ca = createTestCa("Mostrador AFIP simulado (solo demo)");
  writeFileSync(file, JSON.stringify(ca), { mode: 0o600 });
  return ca;
}

async function devFakeUrl(): Promise<string> {
  g.__mostradorFakeAfip ??= (async () => {
    const { startFakeAfip } = await import("../afip/fake/server");
    const fake = await startFakeAfip({
      ca: devFakeCa(),
      stateFile: path.join(devDir(), "state.json"),
      port: runtimeEnv().FAKE_AFIP_PORT ?? 0,
    });
    return fake.url;
  })();
  return g.__mostradorFakeAfip;
}

export async function endpointsFor(environment: AfipEnvironment): Promise<AfipEndpoints> {
  if (environment !== "FAKE") return OFFICIAL_ENDPOINTS[environment];
  assertFakeAllowed();
  // Production (e2e) has FAKE_AFIP_URL by the guard above; only development starts one in-process.
  return fakeEndpoints(runtimeEnv().FAKE_AFIP_URL ?? (await devFakeUrl()));
}
