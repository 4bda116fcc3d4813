import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { makeTenant } from "../../test/factories";
import { callerFor } from "../../test/caller";
import { appRouter } from "./root";

// Issue 11: every procedure that takes input is called by the OWNER (all permissions) with
// an input that passes its schema where we can build one, every id a random unknown uuid.
// The answer must be a result or a typed 4xx — never INTERNAL_SERVER_ERROR.

type Json = { type?: string | string[]; properties?: Record<string, Json>; required?: string[]; items?: Json; minItems?: number; format?: string; pattern?: string; minLength?: number; maxLength?: number; minimum?: number; exclusiveMinimum?: number; enum?: unknown[]; const?: unknown; anyOf?: Json[]; oneOf?: Json[]; allOf?: Json[]; default?: unknown };

const CANDIDATES = ["1", "1.00", "10", "2026-01-15", "2026-01", "20-12345678-6", "20123456786", "7790001000017", "abc", "ABC-1", "Prueba"];

function sample(s: Json, depth = 0): unknown {
  if (depth > 8) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt.find((a) => a.type !== "null") ?? alt[0]!, depth + 1);
  if (s.allOf) return sample(s.allOf[0]!, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, depth + 1);
      return out;
    }
    case "array":
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items ?? {}, depth + 1));
    case "integer":
    case "number":
      return Math.max(1, Math.ceil((s.minimum ?? s.exclusiveMinimum ?? 0) + (s.exclusiveMinimum !== undefined ? 1 : 0)));
    case "boolean":
      return false;
    case "string": {
      if (s.format === "uuid") return randomUUID();
      if (s.format === "email") return `x-${randomUUID().slice(0, 6)}@example.test`;
      if (s.format === "date-time") return new Date().toISOString();
      if (s.format === "date") return "2026-01-15";
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const hit = CANDIDATES.find((c) => re.test(c));
        if (hit) return hit;
      }
      const min = Math.max(s.minLength ?? 0, 3);
      return "Prueba x".padEnd(min, "x").slice(0, s.maxLength ?? 200);
    }
    default:
      return s.default ?? randomUUID();
  }
}

type Proc = { _def: { type: string; inputs: z.ZodType[] } };
const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, Proc> } })._def.procedures);
// Talks to ARCA/AFIP (network) or creates whole businesses: covered elsewhere.
const SKIP = new Set(["fiscal.checkConnection"]);

let owner: ReturnType<typeof callerFor>;
beforeAll(async () => {
  const t = await makeTenant("Barrido");
  owner = callerFor(t.ownerId, t.slug);
});

function call(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let fn: unknown = caller;
  for (const p of path.split(".")) fn = (fn as Record<string, unknown>)[p];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

describe("unknown ids in every procedure (issue 11)", () => {
  it("answer a result or a typed 4xx, never a 500", async () => {
    const withInput = procedures.filter(([path, p]) => p._def.inputs.length > 0 && !SKIP.has(path));
    expect(withInput.length).toBeGreaterThan(60);
    const internal: string[] = [];
    let reachedService = 0;
    for (const [path, proc] of withInput) {
      let input: unknown;
      try {
        input = sample(z.toJSONSchema(proc._def.inputs[0]!, { io: "input", unrepresentable: "any" }) as Json);
      } catch {
        input = {};
      }
      try {
        await call(owner, path, input);
        reachedService++;
      } catch (e) {
        const code = e instanceof TRPCError ? e.code : "THROWN";
        if (code !== "BAD_REQUEST") reachedService++;
        if (code === "INTERNAL_SERVER_ERROR" || code === "THROWN") internal.push(`${path}: ${String((e as Error).cause ?? e).slice(0, 160)} ← ${JSON.stringify(input).slice(0, 200)}`);
      }
    }
    expect(internal).toEqual([]);
    // Most inputs were valid enough to get past the schema and reach the database.
    expect(reachedService).toBeGreaterThan(withInput.length / 2);
  });
});
