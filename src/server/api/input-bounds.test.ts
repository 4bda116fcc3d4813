import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "./root";

// Issue 11 item 9: every string a procedure accepts has a maximum length and every list a
// maximum size, so no input can make the server read or store an unbounded amount. Walks
// each procedure's input schema (as JSON Schema) and lists what is unbounded.

type Json = { type?: string | string[]; properties?: Record<string, Json>; additionalProperties?: Json | boolean; items?: Json; maxItems?: number; maxLength?: number; format?: string; enum?: unknown[]; const?: unknown; pattern?: string; anyOf?: Json[]; oneOf?: Json[]; allOf?: Json[]; $ref?: string; $defs?: Record<string, Json> };
type Proc = { _def: { inputs: z.ZodType[] } };

/** A pattern anchored at both ends with bounded repetition only bounds the length by itself. */
const boundedPattern = (p?: string) => !!p && p.startsWith("^") && p.endsWith("$") && !/[*+]|\{\d+,\}/.test(p);

function unbounded(s: Json, path: string, out: string[], depth = 0) {
  if (depth > 12 || !s || typeof s !== "object") return;
  for (const alt of [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])]) unbounded(alt, path, out, depth + 1);
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  if (types.includes("string") && s.maxLength === undefined && !s.enum && s.const === undefined && s.format !== "uuid" && !boundedPattern(s.pattern)) out.push(`${path}: string without max`);
  if (types.includes("array")) {
    if (s.maxItems === undefined) out.push(`${path}: list without max`);
    if (s.items) unbounded(s.items, `${path}[]`, out, depth + 1);
  }
  for (const [k, v] of Object.entries(s.properties ?? {})) unbounded(v, `${path}.${k}`, out, depth + 1);
  if (s.additionalProperties && typeof s.additionalProperties === "object") unbounded(s.additionalProperties, `${path}.*`, out, depth + 1);
}

describe("bounded input in every procedure (issue 11)", () => {
  it("every string has a maximum length and every list a maximum size", () => {
    const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, Proc> } })._def.procedures);
    const problems: string[] = [];
    let checked = 0;
    for (const [name, proc] of procedures) {
      for (const input of proc._def.inputs) {
        checked++;
        unbounded(z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as Json, name, problems);
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(problems).toEqual([]);
  });
});
