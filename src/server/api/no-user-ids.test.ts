import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { callerFor } from "../../test/caller";
import { seedProduct } from "../pos/test-helpers";
import { countEntry, makeCount } from "../../test/counts";
import { appRouter } from "./root";

// Issue 11 item 4: no procedure returns another person's user id. Other members do real
// things (a cashier sells and closes a session, counts and lists what a manager counted), then
// every query procedure is called by the OWNER and by a SUPERVISOR, with the ids of what exists
// where an input names one, and the answers must not contain any other person's user id.

type Json = { type?: string | string[]; properties?: Record<string, Json>; items?: Json; minItems?: number; format?: string; pattern?: string; minLength?: number; maxLength?: number; minimum?: number; exclusiveMinimum?: number; enum?: unknown[]; const?: unknown; anyOf?: Json[]; oneOf?: Json[]; allOf?: Json[]; default?: unknown };
type Proc = { _def: { type: string; inputs: z.ZodType[] } };

const CANDIDATES = ["1", "10", "2026-01-15", "2026-01", "20123456786", "abc", "Prueba"];
let known: Record<string, string> = {};

/** An input that passes the schema: known ids by field name, the rest plausible. */
function sample(s: Json, key = "", depth = 0): unknown {
  if (depth > 8) return undefined;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt.find((a) => a.type !== "null") ?? alt[0]!, key, depth + 1);
  if (s.allOf) return sample(s.allOf[0]!, key, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, sample(v, k, depth + 1)]));
    case "array":
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items ?? {}, key, depth + 1));
    case "integer":
    case "number":
      return Math.max(1, Math.ceil((s.minimum ?? s.exclusiveMinimum ?? 0) + (s.exclusiveMinimum !== undefined ? 1 : 0)));
    case "boolean":
      return false;
    case "string": {
      if (s.format === "uuid") return known[key] ?? randomUUID();
      if (s.format === "date") return "2026-01-15";
      if (s.format === "date-time") return new Date().toISOString();
      if (s.pattern) return CANDIDATES.find((c) => new RegExp(s.pattern!).test(c)) ?? "abc";
      return "Prueba".padEnd(Math.max(s.minLength ?? 0, 3), "x").slice(0, s.maxLength ?? 200);
    }
    default:
      return s.default;
  }
}

function call(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let fn: unknown = caller;
  for (const p of path.split(".")) fn = (fn as Record<string, unknown>)[p];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

const queries = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, Proc> } })._def.procedures).filter(
  ([path, p]) => p._def.type === "query" && path !== "fiscal.checkConnection",
);

let t: Awaited<ReturnType<typeof makeTenant>>;
let people: Record<"cashier" | "supervisor" | "manager", string>;

beforeAll(async () => {
  t = await makeTenant("Sin ids ajenos");
  people = {
    cashier: (await addMember(t.tenantId, "CASHIER")).userId,
    supervisor: (await addMember(t.tenantId, "SUPERVISOR")).userId,
    manager: (await addMember(t.tenantId, "MANAGER")).userId,
  };
  const admin = adminSql();
  const [r] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${t.tenantId}`;
  await admin.end();
  const productId = await seedProduct(t.tenantId, t.ownerId, { name: "Agua", price: "800.00", barcode: "7790000000324", stock: [{ warehouseId: t.warehouseId, quantity: "20", unitCost: "300" }] });
  const cash = callerFor(people.cashier, t.slug);
  const session = await cash.pos.openSession({ registerId: r!.id, openingFloat: "100.00" });
  const saleId = randomUUID();
  await cash.pos.createSale({ id: saleId, registerId: r!.id, cashSessionId: session.id, createdAt: new Date().toISOString(), lines: [{ productId, quantity: "1", unitPrice: "800.00" }], payments: [{ method: "CASH", amount: "800.00" }] });
  await cash.pos.closeSession({ cashSessionId: session.id, declared: [{ method: "CASH", amount: "900.00" }] });
  // And one left open, so the registers list shows who holds it.
  await cash.pos.openSession({ registerId: r!.id, openingFloat: "0" });
  const countId = await makeCount(t.tenantId, people.manager, { warehouseId: t.warehouseId });
  await countEntry(t.tenantId, people.cashier, { countId, productId, quantity: "19" } as never).catch(() => undefined);
  known = { cashSessionId: session.id, saleId, productId, warehouseId: t.warehouseId, registerId: r!.id, countId, id: saleId };
});

describe("no procedure returns another person's user id (issue 11)", () => {
  it.each([
    ["OWNER", () => t.ownerId, () => [people.cashier, people.supervisor, people.manager]],
    ["SUPERVISOR", () => people.supervisor, () => [t.ownerId, people.cashier, people.manager]],
  ] as const)("as %s, every query's answer is free of the other members' ids", async (_role, me, others) => {
    const caller = callerFor(me(), t.slug);
    const leaks: string[] = [];
    let answered = 0;
    for (const [path, proc] of queries) {
      let input: unknown;
      try {
        input = proc._def.inputs.length ? sample(z.toJSONSchema(proc._def.inputs[0]!, { io: "input", unrepresentable: "any" }) as Json) : undefined;
      } catch {
        input = {};
      }
      const out = await call(caller, path, input).then(
        (r) => JSON.stringify(r) ?? "",
        () => null,
      );
      if (out === null) continue;
      answered++;
      for (const id of others()) if (out.includes(id)) leaks.push(`${path} → ${out.slice(Math.max(0, out.indexOf(id) - 80), out.indexOf(id) + 40)}`);
    }
    expect(leaks).toEqual([]);
    // Most queries really answered (the sweep is not vacuous).
    expect(answered).toBeGreaterThan(queries.length / 2);
  });
});
