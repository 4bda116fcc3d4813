// Next.js calls register() once per server process, before serving: a production server with a
// missing or bad secret (NEXTAUTH_SECRET, FISCAL_KEY_ENCRYPTION_KEY, Inngest keys…) stops here,
// naming it, instead of starting and failing on the first request; then tracing starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./server/env");
  try {
    env();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    // Stop the server: a production deployment without its secrets must not serve.
    globalThis.process?.exit?.(1);
  }
  const { registerTracing } = await import("./server/telemetry/register-node");
  registerTracing();
}
