// Next.js calls register() once per server process, before serving.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerTracing } = await import("./server/telemetry/register-node");
    registerTracing();
  }
}
