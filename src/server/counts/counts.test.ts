import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { lotsOf, makeProduct, movementsOf, stockOf, levelMismatches } from "../../test/inventory";
import { callerFor } from "../../test/caller";
import { applyAll, closeCount, countEntry, makeCount, reviewOf } from "../../test/counts";
import { withTenant } from "../db/with-tenant";
import { receiveStock } from "../inventory/receive-stock";
import { exitStock } from "../inventory/exit-stock";
import { requestRecount } from "./request-recount";
import { resolveUncounted } from "./resolve-uncounted";

const admin = adminSql();
afterAll(() => admin.end());

let t: Awaited<ReturnType<typeof makeTenant>>;
let auditor: { userId: string };
let operator: { userId: string };
let manager: { userId: string };

const receive = (productId: string, quantity: string, unitCost: string, extra: { lotNumber?: string; expiresAt?: string } = {}) =>
  withTenant(t.tenantId, (tx) => receiveStock(tx, { productId, warehouseId: t.warehouseId, quantity, unitCost, ...extra }, { userId: t.ownerId }));
const sell = (productId: string, quantity: string) =>
  withTenant(t.tenantId, (tx) => exitStock(tx, { productId, warehouseId: t.warehouseId, quantity, movementType: "SALE" }, { userId: t.ownerId }));
const level = async (productId: string) => (await stockOf(t.tenantId, productId, t.warehouseId)).level;

beforeAll(async () => {
  t = await makeTenant("Almacén");
  auditor = await addMember(t.tenantId, "AUDITOR");
  operator = await addMember(t.tenantId, "OPERATOR");
  manager = await addMember(t.tenantId, "MANAGER");
});

describe("blind counting", () => {
  it("never sends system stock, expected or differences to a counter's procedures", async () => {
    const p = await makeProduct(t.tenantId, { name: "Yerba Ciega 1 kg", barcode: "7791234500017" } as never);
    await receive(p, "7919", "4321.5");
    const countId = await makeCount(t.tenantId, manager.userId, { warehouseId: t.warehouseId, name: "Ciego", zones: [{ name: "Góndola 1", assignedUserId: auditor.userId }] });
    const api = callerFor(auditor.userId, t.slug);
    const outputs: unknown[] = [];
    outputs.push(await api.counts.mine());
    outputs.push(await api.counts.findProduct({ countId, query: "yerba ciega" }));
    const rec = await api.counts.record({ id: randomUUID(), countId, productId: p, quantity: "7900" });
    outputs.push(rec);
    outputs.push(await api.counts.correct({ entryId: rec.entry.id, quantity: "7901" }));
    outputs.push(await api.counts.sheet({ countId }));
    // Ids and timestamps are random or dated text ("8920765a-1878-…", "…-12-18T…") that can hold a
    // leak's digits by chance: they are blanked before looking for the figures themselves.
    const json = JSON.stringify(outputs)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<id>")
      .replace(/\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?/g, "<date>");
    expect(json).toContain("7901"); // what the counter typed comes back…
    for (const leak of ["7919", "4321", "-18", "expected", "system", "variance", "stock", "cost", "ledger"]) expect(json.toLowerCase()).not.toContain(leak.toLowerCase());
    // …and the review is not theirs to call.
    await expect(api.counts.review({ countId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(operator.userId, t.slug).counts.applyLines({ countId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("entries", () => {
  it("are summed across counters, corrected only by their author, undone, and idempotent by client id", async () => {
    const p = await makeProduct(t.tenantId, { name: "Aceite 900 ml" });
    await receive(p, "20", "1000");
    const countId = await makeCount(t.tenantId, manager.userId, { warehouseId: t.warehouseId });
    const id = randomUUID();
    const first = await countEntry(t.tenantId, auditor.userId, { id, countId, productId: p, quantity: "8" });
    const again = await countEntry(t.tenantId, auditor.userId, { id, countId, productId: p, quantity: "8" });
    expect([first.status, again.status]).toEqual(["CREATED", "DUPLICATE"]);
    await countEntry(t.tenantId, operator.userId, { countId, productId: p, quantity: "9" });
    const typo = await countEntry(t.tenantId, operator.userId, { countId, productId: p, quantity: "300" });
    const api = callerFor(operator.userId, t.slug);
    await api.counts.correct({ entryId: typo.entry.id, quantity: "3" });
    // Someone else's entry cannot be touched (and looks like none).
    await expect(callerFor(auditor.userId, t.slug).counts.correct({ entryId: typo.entry.id, quantity: "1" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const undo = await countEntry(t.tenantId, operator.userId, { countId, productId: p, quantity: "50" });
    await api.counts.correct({ entryId: undo.entry.id, undo: true });
    await closeCount(t.tenantId, manager.userId, countId);
    const r = await reviewOf(t.tenantId, countId);
    const line = r.lines.find((l) => l.productId === p)!;
    expect(line).toMatchObject({ counted: "20.000", expected: "20.000", variance: "0.000", state: "READY" });
    expect(line.counters).toHaveLength(2);
  });

  it("refuse products out of scope, lot-tracked products without a lot, and a count that is not open", async () => {
    const cat = await admin<{ id: string }[]>`insert into categories (tenant_id, name) values (${t.tenantId}, ${"Bebidas " + randomUUID().slice(0, 4)}) returning id`;
    const inCat = await makeProduct(t.tenantId, { name: "Agua", categoryId: cat[0]!.id });
    const outCat = await makeProduct(t.tenantId, { name: "Jabón" });
    const lotted = await makeProduct(t.tenantId, { name: "Vacuna", categoryId: cat[0]!.id, trackBatches: true });
    const countId = await makeCount(t.tenantId, manager.userId, { warehouseId: t.warehouseId, categoryIds: [cat[0]!.id] });
    await expect(countEntry(t.tenantId, auditor.userId, { countId, productId: outCat, quantity: "1" })).rejects.toThrow(/no entra en este conteo/);
    await expect(countEntry(t.tenantId, auditor.userId, { countId, productId: lotted, quantity: "1" })).rejects.toThrow(/por lote/);
    await countEntry(t.tenantId, auditor.userId, { countId, productId: inCat, quantity: "1" });
    await closeCount(t.tenantId, manager.userId, countId);
    await expect(countEntry(t.tenantId, auditor.userId, { countId, productId: inCat, quantity: "1" })).rejects.toThrow(/no tiene un reconteo pedido/);
  });
});

describe("review and recount", () => {
  it("lines over the threshold need a recount by a different person before they can be applied", async () => {
    const p = await makeProduct(t.tenantId, { name: "Fernet 750" });
    const q = await makeProduct(t.tenantId, { name: "Soda 2 l" });
    await receive(p, "10", "5000");
    await receive(q, "10", "300");
    const countId = await makeCount(t.tenantId, manager.userId, { warehouseId: t.warehouseId, productIds: [p, q], thresholdPct: "10" });
    await countEntry(t.tenantId, auditor.userId, { countId, productId: p, quantity: "6" }); // −40 %
    await countEntry(t.tenantId, auditor.userId, { countId, productId: q, quantity: "10" });
    await closeCount(t.tenantId, manager.userId, countId);
    let r = await reviewOf(t.tenantId, countId);
    const lp = r.lines.find((l) => l.productId === p)!;
    expect(lp).toMatchObject({ state: "NEEDS_RECOUNT", variance: "-4.000", varianceCost: "-20000.00" });

    // Apply leaves it pending (and applies the rest).
    const first = await applyAll(t.tenantId, manager.userId, countId);
    expect(first).toMatchObject({ applied: 1, pending: 1, status: "REVIEW" });
    expect(await level(p)).toBe("10.000");

    // The same person cannot recount; someone else can.
    await expect(
      withTenant(t.tenantId, (tx) => requestRecount(tx, { countId, lineIds: [lp.id], assignedUserId: auditor.userId }, { userId: manager.userId })),
    ).rejects.toThrow(/otra/);
    await withTenant(t.tenantId, (tx) => requestRecount(tx, { countId }, { userId: manager.userId }));
    await expect(countEntry(t.tenantId, auditor.userId, { countId, productId: p, quantity: "9" })).rejects.toThrow(/otra persona/);
    r = await reviewOf(t.tenantId, countId);
    expect(r.lines.find((l) => l.productId === p)!.state).toBe("WAITING_RECOUNT");
    await countEntry(t.tenantId, operator.userId, { countId, productId: p, quantity: "9" });
    r = await reviewOf(t.tenantId, countId);
    expect(r.lines.find((l) => l.productId === p)).toMatchObject({ state: "READY", counted: "9.000", round: 1 });
    const second = await applyAll(t.tenantId, manager.userId, countId);
    expect(second).toMatchObject({ applied: 1, pending: 0, status: "APPLIED" });
    expect(await level(p)).toBe("9.000");
  });

  it("uncounted in-scope stock needs an explicit decision: set to zero or leave as is", async () => {
    const a = await makeProduct(t.tenantId, { name: "Galletitas" });
    const b = await makeProduct(t.tenantId, { name: "Mermelada" });
    await receive(a, "5", "100");
    await receive(b, "7", "100");
    const countId = await makeCount(t.tenantId, manager.userId, { warehouseId: t.warehouseId, productIds: [a, b] });
    await closeCount(t.tenantId, manager.userId, countId);
    const r = await reviewOf(t.tenantId, countId);
    expect(r.lines.map((l) => l.state)).toEqual(["UNDECIDED", "UNDECIDED"]);
    expect(await applyAll(t.tenantId, manager.userId, countId)).toMatchObject({ applied: 0, pending: 2 });
    const [la, lb] = [r.lines.find((l) => l.productId === a)!, r.lines.find((l) => l.productId === b)!];
    await withTenant(t.tenantId, (tx) => resolveUncounted(tx, { countId, lineIds: [la.id], decision: "ZERO" }, { userId: manager.userId }));
    await withTenant(t.tenantId, (tx) => resolveUncounted(tx, { countId, lineIds: [lb.id], decision: "KEEP" }, { userId: manager.userId }));
    expect(await applyAll(t.tenantId, manager.userId, countId)).toMatchObject({ applied: 1, skipped: 1, status: "APPLIED" });
    expect([await level(a), await level(b)]).toEqual(["0.000", "7.000"]);
  });
});

describe("apply", () => {
  it("shortfalls consume FEFO, each line is linked to its AUDIT movements, and applying twice changes nothing", async () => {
    const p = await makeProduct(t.tenantId, { name: "Yogur" }) // one lot without expiry: not flagged "tiene vencimiento";
    await receive(p, "4", "100", { expiresAt: "2027-03-01" });
    await receive(p, "4", "120", { expiresAt: "2027-01-01" });
    await receive(p, "4", "140"); // no expiry: last
    const countId = await makeCount(t.tenantId, manager.userId, { warehouseId: t.warehouseId, productIds: [p] });
    await countEntry(t.tenantId, auditor.userId, { countId, productId: p, quantity: "6" });
    await closeCount(t.tenantId, manager.userId, countId);
    const r = await applyAll(t.tenantId, manager.userId, countId);
    expect(r).toMatchObject({ applied: 1, movements: 2, status: "APPLIED", failed: [] });
    const lots = await lotsOf(t.tenantId, p);
    expect(lots.map((l) => [l.expires_at, l.quantity])).toEqual([
      ["2027-03-01", "2.000"],
      ["2027-01-01", "0.000"],
      [null, "4.000"],
    ]);
    const mv = (await movementsOf(t.tenantId, p)).filter((m) => m.type === "AUDIT");
    expect(mv.map((m) => [m.quantity, m.unit_cost, m.stock_before, m.stock_after])).toEqual([
      ["-4.000", "120.0000", "12.000", "8.000"],
      ["-2.000", "100.0000", "8.000", "6.000"],
    ]);
    const [line] = await admin<{ operation_id: string; variance_qty: string; variance_cost: string; status: string }[]>`
      select operation_id, variance_qty, variance_cost, status from count_lines where count_id = ${countId}`;
    expect(line).toMatchObject({ variance_qty: "-6.000", variance_cost: "-680.00", status: "APPLIED" });
    expect(new Set(mv.map((m) => m.operation_id))).toEqual(new Set([line!.operation_id]));

    const again = await applyAll(t.tenantId, manager.userId, countId);
    expect(again).toMatchObject({ applied: 0, movements: 0 });
    expect(await level(p)).toBe("6.000");
    expect((await movementsOf(t.tenantId, p)).filter((m) => m.type === "AUDIT")).toHaveLength(2);
    expect(await levelMismatches(t.tenantId)).toEqual([]);
  });

  it("a line that cannot be applied is marked with its reason and never blocks the others", async () => {
    const good = await makeProduct(t.tenantId, { name: "Polenta" });
    const turned = await makeProduct(t.tenantId, { name: "Envío a domicilio" });
    await receive(good, "5", "100");
    await receive(turned, "5", "100");
    const countId = await makeCount(t.tenantId, manager.userId, { warehouseId: t.warehouseId, productIds: [good, turned] });
    await countEntry(t.tenantId, auditor.userId, { countId, productId: good, quantity: "4" });
    await countEntry(t.tenantId, auditor.userId, { countId, productId: turned, quantity: "1" });
    await closeCount(t.tenantId, manager.userId, countId);
    await admin`update products set is_service = true where id = ${turned}`; // changed its mind mid-review
    const r = await applyAll(t.tenantId, manager.userId, countId);
    expect(r).toMatchObject({ applied: 1, status: "REVIEW", failed: [{ productName: "Envío a domicilio", message: expect.stringMatching(/servicio/) }] });
    expect(await level(good)).toBe("4.000");
    const review = await reviewOf(t.tenantId, countId);
    expect(review.lines.find((l) => l.productId === turned)!.state).toBe("FAILED");
  });

  it("a surplus becomes an adjustment lot at the product's weighted-average cost", async () => {
    const p = await makeProduct(t.tenantId, { name: "Arroz" });
    await receive(p, "10", "100");
    await receive(p, "30", "200");
    const countId = await makeCount(t.tenantId, manager.userId, { warehouseId: t.warehouseId, productIds: [p] });
    await countEntry(t.tenantId, auditor.userId, { countId, productId: p, quantity: "43" });
    await closeCount(t.tenantId, manager.userId, countId);
    await applyAll(t.tenantId, manager.userId, countId);
    const lots = await lotsOf(t.tenantId, p);
    expect(lots.at(-1)).toMatchObject({ quantity: "3.000", unit_cost: "175.0000", is_deficit: false });
    expect(await level(p)).toBe("43.000");
  });

  it("lot-tracked products are counted and adjusted per lot number", async () => {
    const p = await makeProduct(t.tenantId, { name: "Antibiótico", trackBatches: true, hasExpiry: true });
    await receive(p, "5", "1000", { lotNumber: "A1", expiresAt: "2027-05-01" });
    await receive(p, "5", "1100", { lotNumber: "B2", expiresAt: "2027-08-01" });
    const countId = await makeCount(t.tenantId, manager.userId, { warehouseId: t.warehouseId, productIds: [p] });
    await countEntry(t.tenantId, auditor.userId, { countId, productId: p, lotNumber: "A1", quantity: "3" });
    await countEntry(t.tenantId, auditor.userId, { countId, productId: p, lotNumber: "B2", quantity: "6" });
    await closeCount(t.tenantId, manager.userId, countId);
    const r = await reviewOf(t.tenantId, countId);
    expect(r.lines.map((l) => [l.lotNumber, l.expected, l.variance])).toEqual([
      ["A1", "5.000", "-2.000"],
      ["B2", "5.000", "1.000"],
    ]);
    await applyAll(t.tenantId, manager.userId, countId);
    const lots = await lotsOf(t.tenantId, p);
    expect(lots.map((l) => [l.lot_number, l.quantity, l.expires_at])).toEqual([
      ["A1", "3.000", "2027-05-01"],
      ["B2", "5.000", "2027-08-01"],
      ["B2", "1.000", "2027-08-01"],
    ]);
  });

  it("counts while selling: sales after the scan stay, sales before it are not counted twice", async () => {
    const p = await makeProduct(t.tenantId, { name: "Alfajor" });
    await receive(p, "20", "200");
    const countId = await makeCount(t.tenantId, manager.userId, { warehouseId: t.warehouseId, productIds: [p] });
    await sell(p, "2"); // before the scan: 18 on the shelf
    await countEntry(t.tenantId, auditor.userId, { countId, productId: p, quantity: "17" }); // one missing
    await sell(p, "5"); // after the scan
    await receive(p, "10", "210"); // after the scan
    await closeCount(t.tenantId, manager.userId, countId);
    const r = await reviewOf(t.tenantId, countId);
    expect(r.lines[0]).toMatchObject({ expected: "18.000", variance: "-1.000" });
    await applyAll(t.tenantId, manager.userId, countId);
    expect(await level(p)).toBe("22.000"); // 17 − 5 + 10
  });
});
