import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "./root";

// Issue 12: every procedure declares its response (`.output(Z…Response)`) with camelCase
// fields, so no component reads a database column name and a service that starts returning
// something else fails here and in its tests instead of in a screen. Walks the app router the
// way input-bounds.test.ts does.

type Json = { properties?: Record<string, Json>; additionalProperties?: Json | boolean; items?: Json | Json[]; prefixItems?: Json[]; anyOf?: Json[]; oneOf?: Json[]; allOf?: Json[] };
type Proc = { _def: { output?: z.ZodType } };

/** Field names are camelCase; ALL_CAPS keys are values used as keys (payment methods, ageing buckets). */
const goodKey = (k: string) => /^[a-z][a-zA-Z0-9]*$/.test(k) || /^[A-Z][A-Z0-9_]*$/.test(k);

function badKeys(s: Json, path: string, out: string[], depth = 0) {
  if (depth > 12 || !s || typeof s !== "object") return;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? []), ...(s.prefixItems ?? [])]) badKeys(alt, path, out, depth + 1);
  for (const item of Array.isArray(s.items) ? s.items : s.items ? [s.items] : []) badKeys(item, `${path}[]`, out, depth + 1);
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    if (!goodKey(k)) out.push(`${path}.${k}`);
    badKeys(v, `${path}.${k}`, out, depth + 1);
  }
  if (s.additionalProperties && typeof s.additionalProperties === "object") badKeys(s.additionalProperties, `${path}.*`, out, depth + 1);
}

const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, Proc> } })._def.procedures);

describe("declared responses (issue 12)", () => {
  it("every procedure has an output schema", () => {
    expect(procedures.length).toBeGreaterThan(150);
    const missing = procedures.filter(([, p]) => !p._def.output).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it("every response field is camelCase", () => {
    const problems: string[] = [];
    for (const [name, proc] of procedures) {
      if (proc._def.output) badKeys(z.toJSONSchema(proc._def.output, { io: "output", unrepresentable: "any" }) as Json, name, problems);
    }
    expect(problems).toEqual([]);
  });
});
