import { build } from "@/server/ops/health";

export const dynamic = "force-dynamic";

/** Liveness: the process answers. Never touches the database (a database outage must not restart every instance). */
export function GET() {
  return Response.json({ status: "ok", ...build });
}
