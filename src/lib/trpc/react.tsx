"use client";
// zod speaks Spanish in the browser too (forms validate with the shared schemas).
import "@/lib/zod-es";
import { useState, type ReactNode } from "react";
import { MutationCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCReact, httpBatchLink } from "@trpc/react-query";
import type { inferRouterOutputs, inferRouterInputs } from "@trpc/server";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

export const trpc = createTRPCReact<AppRouter>();
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;

/**
 * One provider per business (keyed by slug in the tenant layout), so cached queries never
 * cross businesses. The slug travels in a header; the server checks membership.
 */
export function TRPCProvider({ tenantSlug, children }: { tenantSlug: string | null; children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client: QueryClient = new QueryClient({
      defaultOptions: {
        queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false },
        // What a page prefetched on the server (server/api/server-trpc.tsx) arrives superjson-encoded.
        hydrate: { deserializeData: superjson.deserialize },
      },
      // What a user just did can raise a notification (a receipt's payable due soon, a rejected
      // invoice): the bell's count is read again after every change instead of a minute later.
      mutationCache: new MutationCache({
        onSuccess: () => client.invalidateQueries({ queryKey: [["notifications", "unreadCount"]] }),
      }),
    });
    return client;
  });
  const [client] = useState(() =>
    trpc.createClient({
      links: [
        httpBatchLink({
          url: "/api/trpc",
          transformer: superjson,
          headers: () => (tenantSlug ? { "x-tenant-slug": tenantSlug } : {}),
        }),
      ],
    }),
  );
  return (
    <trpc.Provider client={client} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </trpc.Provider>
  );
}

/** The Spanish message to show for a failed call, and per-field messages for forms. */
export function errorMessage(e: unknown): string {
  const err = e as { message?: string } | null;
  return err?.message || "Ocurrió un error inesperado.";
}
export function fieldErrors(e: unknown): Record<string, string[] | undefined> {
  const data = (e as { data?: { fieldErrors?: Record<string, string[]> | null; details?: { field?: string } | null } } | null)?.data;
  const out: Record<string, string[] | undefined> = { ...(data?.fieldErrors ?? {}) };
  const field = data?.details?.field;
  if (field && e && (e as { message?: string }).message) out[field] = [(e as { message: string }).message];
  return out;
}
