// A standalone fake AFIP for demos and several app instances sharing one numbering:
//   npx tsx --conditions=react-server scripts/fake-afip.ts        (port FAKE_AFIP_PORT, default 8090)
// then start the app with FAKE_AFIP_URL=http://127.0.0.1:8090. Uses the same CA and state as the
// in-process one (.data/fake-afip), so the demo tenant's certificate is accepted. Refuses to run
// with NODE_ENV=production.
import path from "node:path";
import { runtimeEnv } from "../src/server/env";

const { devFakeCa } = await import("../src/server/fiscal/afip-runtime");
const { startFakeAfip } = await import("../src/server/afip/fake/server");
const dir = path.resolve(process.cwd(), runtimeEnv().FAKE_AFIP_DIR);
const fake = await startFakeAfip({ ca: devFakeCa(), stateFile: path.join(dir, "state.json"), port: runtimeEnv().FAKE_AFIP_PORT ?? 8090 });
console.log(`Fake AFIP (solo pruebas/demo) en ${fake.url}\n  WSAA  ${fake.endpoints.wsaa}\n  WSFE  ${fake.endpoints.wsfe}`);
const stop = async () => {
  await fake.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
