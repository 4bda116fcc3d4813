import "server-only";
import { randomUUID } from "node:crypto";
import { cache, type ReactNode } from "react";
import { headers } from "next/headers";
import { QueryClient } from "@tanstack/react-query";
import { createHydrationHelpers } from "@trpc/react-query/rsc";
import superjson from "superjson";
import { createCaller, type AppRouter } from "./root";
import { sessionToken } from "../auth/session";
import { clientIp } from "../http/client-ip";

// A page's first view rendered on the server: the page prefetches the queries its client
// component asks for first (same procedure, same input, through the same tRPC procedures,
// middlewares and permission checks as /api/trpc, as the signed-in user), and wraps the
// component in <HydrateClient>, which hands the results to the browser's query cache. The
// client then renders with data at once (no skeleton, no layout shift, no request waterfall
// after the JS loads) and refetches as before when the data goes stale. A prefetch that fails
// (a permission, a missing row) is simply not handed over: the client asks and shows the error
// as it always did.

/** One query cache per request (cache() is per request on the server). */
const queryClient = cache(
  () =>
    new QueryClient({
      defaultOptions: {
        // Same freshness as the browser's (lib/trpc/react.tsx): hydrated data is not refetched on mount.
        queries: { staleTime: 10_000 },
        dehydrate: { serializeData: superjson.serialize },
      },
    }),
);

/** The tRPC caller for `slug` as this request's user, with .prefetch helpers and <HydrateClient>. */
export const serverTrpc = cache(async (slug: string) => {
  const h = await headers();
  const caller = createCaller({ requestId: h.get("x-request-id") ?? randomUUID(), tenantSlug: slug, ip: clientIp(h), token: await sessionToken() });
  return createHydrationHelpers<AppRouter>(caller, queryClient);
});

type ServerTrpc = Awaited<ReturnType<typeof serverTrpc>>["trpc"];

/**
 * `children` (a client page) with the queries `prefetch` starts already in the browser's cache:
 * `return withPrefetch(slug, (t) => [t.customers.list.prefetch({ includeInactive: true })], <CustomersPage slug={slug} />)`.
 * Each input must be the one the client component asks with on its first render.
 */
export async function withPrefetch(slug: string, prefetch: (trpc: ServerTrpc) => Promise<void>[], children: ReactNode) {
  const { trpc, HydrateClient } = await serverTrpc(slug);
  await Promise.all(prefetch(trpc));
  return <HydrateClient>{children}</HydrateClient>;
}
