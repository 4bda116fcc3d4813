import { randomUUID } from "node:crypto";
import { createCaller } from "../server/api/root";

/** A tRPC caller acting as a signed-in user inside a business (as the HTTP handler would build it). */
export function callerFor(userId: string | null, tenantSlug: string | null, sessionVersion = 1) {
  return createCaller({
    requestId: randomUUID(),
    tenantSlug,
    ip: "test",
    token: userId ? { uid: userId, sv: sessionVersion } : null,
  });
}
