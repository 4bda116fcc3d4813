import { afterAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { appRouter } from "./root";
import { seedAll } from "../seed/all";
import { adminSql } from "../../test/factories";
import { callerFor } from "../../test/caller";

// Issue 12: the declared responses (`.output(...)`) describe what the services really answer.
// TypeScript checks the shapes; this checks the values (dates as text or Date, numbers as
// text, nulls) by asking every query of the seeded demo business as its owner: an output
// schema that does not fit fails the call with INTERNAL_SERVER_ERROR.

const admin = adminSql();
afterAll(() => admin.end());

type Proc = { _def: { type: string } };
const queries = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, Proc> } })._def.procedures)
  .filter(([, p]) => p._def.type === "query")
  .map(([name]) => name);

describe("declared responses fit what the services answer (issue 12)", () => {
  it("every query of the demo business answers through its output schema", async () => {
    const { tenantId } = await seedAll();
    const [owner] = await admin<{ user_id: string }[]>`select user_id from memberships where tenant_id = ${tenantId} and role = 'OWNER' order by created_at limit 1`;
    const caller = callerFor(owner!.user_id, "demo") as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    const broken: string[] = [];
    let answered = 0;
    for (const name of queries) {
      const [area, proc] = name.split(".") as [string, string];
      for (const input of [undefined, {}]) {
        try {
          await caller[area]![proc]!(input);
          answered++;
          break;
        } catch (e) {
          // Inputs this sweep cannot guess (ids, codes) are refused before the service runs.
          if (e instanceof TRPCError && e.code !== "INTERNAL_SERVER_ERROR") continue;
          broken.push(`${name}: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`.slice(0, 400));
          break;
        }
      }
    }
    expect(broken).toEqual([]);
    expect(answered).toBeGreaterThan(40);
  });
});
