import { checkHealth } from "@/server/ops/health";

export const dynamic = "force-dynamic";

/**
 * Readiness (load balancer): send traffic only when the database answers AND has every
 * migration this build expects. During a rolling upgrade new instances wait here until
 * `migrate` has run; old instances keep serving (migrations are additive first).
 */
export async function GET() {
  const h = await checkHealth();
  const ready = h.status === "ok" && !!h.migrations?.upToDate;
  return Response.json({ ready, ...h }, { status: ready ? 200 : 503 });
}
