import { beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { addMember, makeTenant } from "../../test/factories";
import { callerFor } from "../../test/caller";
import { appRouter } from "./root";
import { can, PERMISSIONS, ROLES, ROLE_PERMISSIONS, type Permission, type Role } from "../auth/permissions";

// Issue 11 / SPEC §2: every role × every permission, written out so that changing any cell
// fails here; then every procedure that requires a permission is called by every role and
// must answer FORBIDDEN exactly when the role lacks it (checked before the input is read).

// Columns in PERMISSIONS order; "x" = granted.
const P = PERMISSIONS;
const EXPECTED: Record<Role, string> = {
  //        del set mem cR  cW  sR  sRc sEx sTr mvR puR puW sel voi rev cnP cnA fiR fiI reR acR acW biR biW biC biO
  OWNER: "   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x",
  ADMIN: "   .   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x   x",
  MANAGER: " .   .   .   x   x   x   x   x   x   x   x   x   .   .   .   x   x   x   .   x   x   .   x   x   x   x",
  SUPERVISOR: ".  .   .   x   .   x   x   x   x   x   x   .   x   x   x   x   x   x   x   x   .   .   x   .   x   x",
  CASHIER: " .   .   .   x   .   .   .   .   .   .   .   .   x   .   .   .   .   .   .   .   .   .   .   .   x   .",
  OPERATOR: ".   .   .   x   .   x   .   x   .   x   .   .   .   .   .   x   .   .   .   .   .   .   .   .   .   .",
  AUDITOR: " .   .   .   x   .   x   .   .   .   x   x   .   .   .   .   x   .   x   .   x   x   .   x   .   .   .",
  VIEWER: "  .   .   .   x   .   x   .   .   .   x   x   .   .   .   .   .   .   x   .   x   .   .   x   .   .   .",
};

describe("role × permission matrix", () => {
  it("every cell is as SPEC §2 says", () => {
    expect(P.length).toBe(26);
    for (const role of ROLES) {
      const cells = EXPECTED[role].trim().split(/\s+/);
      expect(cells, role).toHaveLength(P.length);
      P.forEach((perm, i) => expect(can(role, perm), `${role} × ${perm}`).toBe(cells[i] === "x"));
      expect(ROLE_PERMISSIONS[role].size, role).toBe(cells.filter((c) => c === "x").length);
    }
  });
});

type Proc = { _def: { type: "query" | "mutation" | "subscription"; meta?: { permission?: Permission }; inputs: unknown[] } };
const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, Proc> } })._def.procedures);

function call(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const parts = path.split(".");
  let fn: unknown = caller;
  for (const p of parts) fn = (fn as Record<string, unknown>)[p];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : "THROWN"),
  );

let slug: string;
const members = new Map<Role, string>();
beforeAll(async () => {
  const t = await makeTenant("Matriz");
  slug = t.slug;
  members.set("OWNER", t.ownerId);
  for (const role of ROLES.filter((r) => r !== "OWNER")) members.set(role, (await addMember(t.tenantId, role)).userId);
});

describe("every permission-guarded procedure × every role, on the server", () => {
  it("answers FORBIDDEN exactly when the role lacks the permission", async () => {
    const guarded = procedures.filter(([, p]) => p._def.meta?.permission);
    expect(guarded.length).toBeGreaterThan(40);
    const mismatches: string[] = [];
    for (const [path, proc] of guarded) {
      const perm = proc._def.meta!.permission!;
      const hasInput = proc._def.inputs.length > 0;
      for (const role of ROLES) {
        const allowed = can(role, perm);
        // Allowed + no input + mutation would really run it: the matrix cell is enough there.
        if (allowed && !hasInput && proc._def.type === "mutation") continue;
        const code = await codeOf(call(callerFor(members.get(role)!, slug), path, hasInput ? "__probe__" : undefined));
        if (allowed ? code === "FORBIDDEN" : code !== "FORBIDDEN") mismatches.push(`${path} (${perm}) as ${role}: ${code}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
