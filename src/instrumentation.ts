// Runs once when the server starts: a production server with a missing or bad secret
// (NEXTAUTH_SECRET, FISCAL_KEY_ENCRYPTION_KEY, Inngest keys…) stops here, naming it,
// instead of starting and failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./server/env");
  try {
    env();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
