import { sql } from "drizzle-orm";
import { withAnonymous } from "@/server/db/with-tenant";
import { log } from "@/server/log";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  try {
    await withAnonymous((tx) => tx.execute(sql`select 1`));
    return Response.json({ status: "ok", database: "ok", ms: Math.round(performance.now() - started) });
  } catch (e) {
    log.error({ err: e }, "health check failed");
    return Response.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
