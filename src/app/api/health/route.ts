import { checkHealth } from "@/server/ops/health";
import { log } from "@/server/log";

export const dynamic = "force-dynamic";

/** Health (the container's HEALTHCHECK, the POS terminal's probe): the database answers; build and migration state. */
export async function GET() {
  const h = await checkHealth();
  if (h.status !== "ok") log.error({ database: h.database }, "health check failed");
  return Response.json(h, { status: h.status === "ok" ? 200 : 503 });
}
