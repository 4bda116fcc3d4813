import { expect, type Page } from "@playwright/test";
import { withDemoDb } from "./offline-db";
import { collectDemoIds, type Ids } from "./routes";

// The every-page spec's Playwright side of e2e/routes.ts (routes, users, ids): the demo rows are
// read from the e2e database and created through the signed-in tabs' tRPC requests.
export { appRoutes, whoUses, needsIds, urlFor, PARAMS, type Ids, type Who } from "./routes";

async function trpc<T>(page: Page, procedure: string, input: unknown, kind: "query" | "mutation" = "mutation"): Promise<T> {
  const headers = { "content-type": "application/json", "x-tenant-slug": "demo" };
  const res =
    kind === "query"
      ? await page.request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers })
      : await page.request.post(`/api/trpc/${procedure}`, { headers, data: { json: input } });
  expect(res.ok(), `${procedure}: ${await res.text()}`).toBe(true);
  return (await res.json()).result.data.json as T;
}

const first = (query: string) =>
  withDemoDb(async (tx) => {
    const rows = await tx.unsafe<{ id: string }[]>(query);
    return rows[0]?.id ?? null;
  });

/**
 * One row for each dynamic page: the seeded ones are read (read-only) from the demo database;
 * a count, a folio, a billing batch and a sale are created through tRPC as the people who would.
 */
export function demoIds(manager: Page, cashier: Page): Promise<Ids> {
  return collectDemoIds({
    trpc: (who, procedure, input, kind) => trpc(who === "manager" ? manager : cashier, procedure, input, kind),
    first,
    posContext: async () => (await cashier.request.get("/api/pos/demo/context")).json(),
  });
}
