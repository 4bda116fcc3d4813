import { describe, expect, it, afterAll } from "vitest";
import { TRPCError } from "@trpc/server";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { callerFor } from "../../test/caller";

const admin = adminSql();
afterAll(() => admin.end());

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (e) {
    return e instanceof TRPCError ? e.code : `not a TRPCError: ${String(e)}`;
  }
}

describe("cross-tenant attempts through the tRPC API", () => {
  it("tenant B's slug and ids used from tenant A's session fail as not found and change nothing", async () => {
    const a = await makeTenant("A");
    const b = await makeTenant("B");
    const bCashier = await addMember(b.tenantId, "CASHIER");
    const asA = callerFor(a.ownerId, a.slug);

    // Read: A's session cannot open B's business by slug.
    expect(await codeOf(callerFor(a.ownerId, b.slug).tenancy.current())).toBe("NOT_FOUND");
    expect(await codeOf(callerFor(a.ownerId, b.slug).tenancy.members())).toBe("NOT_FOUND");
    // Read: A's member list never includes B's people.
    const members = await asA.tenancy.members();
    expect(members.map((m) => m.isMe)).toEqual([true]);
    // Delete: removing B's member from A's session is not found, and B still has them.
    const [bMember] = await admin<{ id: string }[]>`select id from memberships where tenant_id = ${b.tenantId} and user_id = ${bCashier.userId}`;
    expect(await codeOf(asA.tenancy.removeMember({ memberId: bMember!.id }))).toBe("NOT_FOUND");
    const [row] = await admin`select count(*)::int as n from memberships where tenant_id = ${b.tenantId} and user_id = ${bCashier.userId}`;
    expect(row!.n).toBe(1);
    // "My businesses" lists only A's.
    expect((await asA.tenancy.myBusinesses()).map((x) => x.slug)).toEqual([a.slug]);
  });

  it("the role matrix is enforced on the server: a cashier cannot manage members", async () => {
    const a = await makeTenant("A");
    const cashier = await addMember(a.tenantId, "CASHIER");
    const asCashier = callerFor(cashier.userId, a.slug);
    expect(await codeOf(asCashier.tenancy.members())).toBe("FORBIDDEN");
    expect(await codeOf(asCashier.tenancy.inviteMember({ email: "x@y.test", role: "OWNER" }))).toBe(
      "FORBIDDEN",
    );
    const current = await asCashier.tenancy.current();
    expect(current.role).toBe("CASHIER");
    expect(current.permissions).toContain("pos.sell");
    expect(current.permissions).not.toContain("members.manage");
  });

  it("a revoked membership, a disabled user or a bumped session version stops old sessions at once", async () => {
    const a = await makeTenant("A");
    const m = await addMember(a.tenantId, "MANAGER");
    expect((await callerFor(m.userId, a.slug).tenancy.current()).role).toBe("MANAGER");
    await admin`update users set session_version = session_version + 1 where id = ${m.userId}`;
    expect(await codeOf(callerFor(m.userId, a.slug, 1).tenancy.current())).toBe("UNAUTHORIZED");
    expect((await callerFor(m.userId, a.slug, 2).tenancy.current()).role).toBe("MANAGER");
    await admin`delete from memberships where user_id = ${m.userId}`;
    expect(await codeOf(callerFor(m.userId, a.slug, 2).tenancy.current())).toBe("NOT_FOUND");
    await admin`update users set disabled = true where id = ${a.ownerId}`;
    expect(await codeOf(callerFor(a.ownerId, a.slug).tenancy.current())).toBe("UNAUTHORIZED");
    expect(await codeOf(callerFor(null, a.slug).tenancy.current())).toBe("UNAUTHORIZED");
  });
});

describe("sign-up through the API", () => {
  it("a confirmed sign-up creates the business with an owner, a default warehouse and one register; a taken slug is a typed conflict that changes nothing", async () => {
    const api = callerFor(null, null);
    const input = { businessName: "Almacén Sur", kind: "RETAIL" as const, slug: "almacen-sur", ownerName: "Ana", email: "ana@sur.test" };
    expect(await api.tenancy.signUp(input)).toEqual({ ok: true });
    const [mail] = await admin<{ body: string }[]>`select body from outbox_messages where to_email = 'ana@sur.test'`;
    const token = /\/registro\/(\S+)/.exec(mail!.body)![1]!;
    expect(await api.tenancy.confirmSignUp({ token, password: "password123" })).toEqual({ slug: "almacen-sur", email: "ana@sur.test" });
    const [t] = await admin`select id from tenants where slug = 'almacen-sur'`;
    const [counts] = await admin`select
      (select count(*)::int from warehouses where tenant_id = ${t!.id} and is_default) as wh,
      (select count(*)::int from registers where tenant_id = ${t!.id}) as reg,
      (select role from memberships where tenant_id = ${t!.id}) as role`;
    expect(counts).toEqual({ wh: 1, reg: 1, role: "OWNER" });

    const before = await admin`select count(*)::int as n from outbox_messages`;
    const err = await api.tenancy.signUp({ ...input, email: "otra@sur.test" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("CONFLICT");
    expect((err as TRPCError).message).toBe("Esa dirección ya está en uso, elegí otra.");
    const after = await admin`select count(*)::int as n from outbox_messages`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("rejects bad input with per-field zod errors and no stack trace", async () => {
    const { appRouter } = await import("./root");
    const { getErrorShape } = await import("@trpc/server/unstable-core-do-not-import");
    const api = callerFor(null, null);
    const err = (await api.tenancy
      .signUp({ businessName: "", kind: "RETAIL", slug: "NO VALE", ownerName: "A", email: "no-es-email" })
      .catch((e: unknown) => e)) as TRPCError;
    expect(err.code).toBe("BAD_REQUEST");
    const shape = getErrorShape({ config: appRouter._def._config, error: err, type: "mutation", path: "tenancy.signUp", input: undefined, ctx: undefined });
    expect(shape.message).toBe("Revisá los datos marcados.");
    expect(shape.data).not.toHaveProperty("stack");
    const fields = (shape.data as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(fields).sort()).toEqual(["businessName", "email", "ownerName", "slug"]);
    expect(fields.ownerName).toEqual(["Ingresá el nombre"]);
  });
});

describe("cross-tenant attempts on business data (inventory, POS)", () => {
  it("B's product, warehouse and cash session used from A's session are not found, and nothing of B changes", async () => {
    const { makeProduct } = await import("../../test/inventory");
    const a = await makeTenant("A");
    const b = await makeTenant("B");
    const bProduct = await makeProduct(b.tenantId, { name: "Vino de B", salePrice: "5000" });
    const asA = callerFor(a.ownerId, a.slug);
    const asB = callerFor(b.ownerId, b.slug);
    await asB.inventory.receive({ productId: bProduct, warehouseId: b.warehouseId, quantity: "10", unitCost: "1000" });
    const snapshot = async () =>
      admin`select (select count(*)::int from stock_movements where tenant_id = ${b.tenantId}) as movements,
                   (select coalesce(sum(quantity), 0)::text from lots where tenant_id = ${b.tenantId}) as stock,
                   (select name from products where id = ${bProduct}) as name`;
    const before = await snapshot();

    // read
    expect(await codeOf(asA.inventory.product({ id: bProduct }))).toBe("NOT_FOUND");
    const listed = await asA.inventory.products({ page: 0, pageSize: 50 } as never);
    expect(JSON.stringify(listed)).not.toContain(bProduct);
    // update
    const update = await codeOf(asA.inventory.updateProduct({ id: bProduct, data: { sku: "X-1", name: "Robado", salePrice: "1" } as never }));
    expect(update).toBe("NOT_FOUND");
    // stock writes against B's ids
    expect(["NOT_FOUND", "BAD_REQUEST"]).toContain(await codeOf(asA.inventory.receive({ productId: bProduct, warehouseId: b.warehouseId, quantity: "1", unitCost: "1" })));
    expect(["NOT_FOUND", "BAD_REQUEST"]).toContain(await codeOf(asA.inventory.receive({ productId: bProduct, warehouseId: a.warehouseId, quantity: "1", unitCost: "1" })));
    expect(["NOT_FOUND", "BAD_REQUEST", "CONFLICT"]).toContain(
      await codeOf(asA.inventory.consume({ productId: bProduct, warehouseId: b.warehouseId, quantity: "1", destinationType: "ROOM", reference: "HAB-502" } as never)),
    );
    // B's cash session from A
    const [bRegister] = await admin<{ id: string }[]>`select id from registers where tenant_id = ${b.tenantId}`;
    const bSession = await asB.pos.openSession({ registerId: bRegister!.id, openingFloat: "100" } as never);
    const bSessionId = bSession.id;
    expect(await codeOf(asA.pos.session({ cashSessionId: bSessionId }))).toBe("NOT_FOUND");
    expect(["NOT_FOUND", "BAD_REQUEST"]).toContain(await codeOf(asA.pos.cashMovement({ cashSessionId: bSessionId, type: "MANUAL_OUT", amount: "50", reason: "robo" } as never)));

    expect(await snapshot()).toEqual(before);
    const [cash] = await admin`select count(*)::int as n from cash_movements where tenant_id = ${b.tenantId}`;
    expect(cash!.n).toBe(0);
  });
});
