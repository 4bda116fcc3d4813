import { afterAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { makePack, makeProduct, makeWarehouse, stockOf } from "../../test/inventory";
import { addStock, makeFamily } from "../../test/purchasing";
import { callerFor } from "../../test/caller";
import { withTenant } from "../db/with-tenant";
import { createCategory } from "./create-category";
import { updateCategory } from "./update-category";
import { updateFamily } from "./update-family";
import { removePack, updatePack } from "./update-pack";
import { renameWarehouse } from "./update-warehouse";
import { setWarehouseActive } from "./set-warehouse-active";
import { exitStock } from "../inventory/exit-stock";
import { receiveStock } from "../inventory/receive-stock";
import { listCategories, listFamilies, listPacks } from "./list-catalog";

const admin = adminSql();
afterAll(() => admin.end());
const actor = { userId: null };

async function category(tenantId: string, name: string, parentId: string | null = null) {
  return (await withTenant(tenantId, (tx) => createCategory(tx, { name, parentId }, actor))).id;
}

describe("catalog maintenance (issue 14 item 4)", () => {
  it("categories: rename and move; a move under itself or a descendant is refused by the database", async () => {
    const t = await makeTenant();
    const drinks = await category(t.tenantId, "Bebidas");
    const waters = await category(t.tenantId, "Aguas", drinks);
    const sparkling = await category(t.tenantId, "Con gas", waters);
    const move = (id: string, name: string, parentId: string | null, active = true) =>
      withTenant(t.tenantId, (tx) => updateCategory(tx, { id, name, parentId, active }, actor));

    await move(waters, "Aguas minerales", null);
    const rows = await withTenant(t.tenantId, (tx) => listCategories(tx));
    expect(rows.find((r) => r.id === sparkling)!.path).toBe("Aguas minerales › Con gas");

    await expect(move(waters, "Aguas minerales", waters)).rejects.toThrow(/dentro de sí misma/);
    await expect(move(waters, "Aguas minerales", sparkling)).rejects.toThrow(/propias subcategorías/);
    // Straight SQL as the app role is refused too: the rule lives in the database.
    await expect(
      withTenant(t.tenantId, (tx) => tx.execute(`update categories set parent_id = '${sparkling}' where id = '${waters}'` as never)),
    ).rejects.toThrow();
    const [still] = await admin<{ parent_id: string | null }[]>`select parent_id from categories where id = ${waters}`;
    expect(still!.parent_id).toBeNull();

    await move(sparkling, "Con gas", drinks, false);
    const after = await withTenant(t.tenantId, (tx) => listCategories(tx));
    expect(after.find((r) => r.id === sparkling)).toMatchObject({ path: "Bebidas › Con gas", active: false });
    await category(t.tenantId, "Jugos", drinks);
    await expect(move(sparkling, "jugos", drinks)).rejects.toThrow(/Ya existe una categoría/);
  });

  it("categories: two crossing moves at once cannot both pass (one waits and is refused)", async () => {
    const t = await makeTenant();
    const a = await category(t.tenantId, "Primera");
    const b = await category(t.tenantId, "Segunda");
    const results = await Promise.allSettled([
      withTenant(t.tenantId, (tx) => updateCategory(tx, { id: a, name: "Primera", parentId: b, active: true }, actor)),
      withTenant(t.tenantId, (tx) => updateCategory(tx, { id: b, name: "Segunda", parentId: a, active: true }, actor)),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(String((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason)).toMatch(/propias subcategorías/);
  });

  it("ids of another business are refused as not found, never changed", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const theirs = await category(other.tenantId, "Suya");
    const mine = await category(t.tenantId, "Mía");
    const theirFamily = await makeFamily(other.tenantId, "Cacao", "g", "100");
    const p1 = await makeProduct(other.tenantId);
    const p2 = await makeProduct(other.tenantId);
    const theirPack = (await makePack(other.tenantId, p1, p2, "6")).id;
    const inMine = <T>(fn: Parameters<typeof withTenant<T>>[1]) => withTenant(t.tenantId, fn);

    await expect(inMine((tx) => updateCategory(tx, { id: theirs, name: "X1", parentId: null, active: true }, actor))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inMine((tx) => updateCategory(tx, { id: mine, name: "Mía", parentId: theirs, active: true }, actor))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inMine((tx) => updateFamily(tx, { id: theirFamily, name: "X2", baseUnit: "g", targetStock: "1", active: true }, actor))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inMine((tx) => updatePack(tx, { id: theirPack, unitsPerParent: "2", autoUnpack: false }, actor))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inMine((tx) => removePack(tx, { id: theirPack }, actor))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inMine((tx) => renameWarehouse(tx, { id: other.warehouseId, name: "Robado" }, actor))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(inMine((tx) => setWarehouseActive(tx, { warehouseId: other.warehouseId, active: false }, actor))).rejects.toMatchObject({ code: "NOT_FOUND" });

    const [c] = await admin<{ name: string }[]>`select name from categories where id = ${theirs}`;
    const [k] = await admin<{ units_per_parent: string; auto_unpack: boolean }[]>`select units_per_parent, auto_unpack from packs where id = ${theirPack}`;
    const [w] = await admin<{ name: string; active: boolean }[]>`select name, active from warehouses where id = ${other.warehouseId}`;
    expect(c!.name).toBe("Suya");
    expect(k).toMatchObject({ units_per_parent: "6.000", auto_unpack: true });
    expect(w!.active).toBe(true);
  });

  it("families: name, base unit and target edit; an inactive family leaves the list flagged", async () => {
    const t = await makeTenant();
    const f = await makeFamily(t.tenantId, "Cacao", "g", "1000");
    await withTenant(t.tenantId, (tx) => updateFamily(tx, { id: f, name: "Leche", baseUnit: "ml", targetStock: "10000", active: false }, actor));
    const [row] = (await withTenant(t.tenantId, (tx) => listFamilies(tx))).filter((r) => r.id === f);
    expect(row).toMatchObject({ name: "Leche", baseUnit: "ml", targetStock: "10000.000", active: false });
    await expect(withTenant(t.tenantId, (tx) => updateFamily(tx, { id: f, name: "Leche", baseUnit: "ml", targetStock: "diez", active: true }, actor))).rejects.toThrow();
  });

  it("packs: units and auto-unpack; with auto-unpack off selling the unit short does not open a pack", async () => {
    const t = await makeTenant();
    const six = await makeProduct(t.tenantId, { name: "Agua x6" });
    const one = await makeProduct(t.tenantId, { name: "Agua 500" });
    const pack = (await makePack(t.tenantId, six, one, "6")).id;
    await addStock(t.tenantId, six, t.warehouseId, "2");
    const sell = (qty: string) =>
      withTenant(t.tenantId, (tx) => exitStock(tx, { productId: one, warehouseId: t.warehouseId, quantity: qty, movementType: "OUT", sourceType: "MANUAL" }, actor));

    await withTenant(t.tenantId, (tx) => updatePack(tx, { id: pack, unitsPerParent: "12", autoUnpack: false }, actor));
    await expect(sell("1")).rejects.toMatchObject({ code: "INSUFFICIENT_STOCK" });
    expect((await stockOf(t.tenantId, six, t.warehouseId)).level).toBe("2.000");

    await withTenant(t.tenantId, (tx) => updatePack(tx, { id: pack, unitsPerParent: "12", autoUnpack: true }, actor));
    await sell("1");
    expect((await stockOf(t.tenantId, six, t.warehouseId)).level).toBe("1.000");
    expect((await stockOf(t.tenantId, one, t.warehouseId)).level).toBe("11.000");

    await withTenant(t.tenantId, (tx) => removePack(tx, { id: pack }, actor));
    expect(await withTenant(t.tenantId, (tx) => listPacks(tx))).toHaveLength(0);
  });

  it("warehouses: rename (names stay unique); deactivation is refused while a lot holds stock", async () => {
    const t = await makeTenant();
    const back = await makeWarehouse(t.tenantId, "Fondo");
    const p = await makeProduct(t.tenantId);
    await withTenant(t.tenantId, (tx) => renameWarehouse(tx, { id: back, name: "Cocina" }, actor));
    await expect(withTenant(t.tenantId, (tx) => renameWarehouse(tx, { id: t.warehouseId, name: "Cocina" }, actor))).rejects.toThrow(/Ya existe un depósito/);
    await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: back, quantity: "1", unitCost: "5" }, actor));
    await expect(withTenant(t.tenantId, (tx) => setWarehouseActive(tx, { warehouseId: back, active: false }, actor))).rejects.toThrow(/todavía tiene stock/);
    const [w] = await admin<{ active: boolean; name: string }[]>`select active, name from warehouses where id = ${back}`;
    expect(w).toEqual({ active: true, name: "Cocina" });
  });

  it("routers: only catalog.write may edit; a cashier is refused", async () => {
    const t = await makeTenant();
    const cashier = await addMember(t.tenantId, "CASHIER");
    const manager = await addMember(t.tenantId, "MANAGER");
    const c = await category(t.tenantId, "Almacén");
    await expect(callerFor(cashier.userId, t.slug).inventory.updateCategory({ id: c, name: "X", parentId: null, active: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(manager.userId, t.slug).inventory.updateCategory({ id: c, name: "Almacén seco", parentId: null, active: true })).resolves.toEqual({ id: c });
    await expect(callerFor(manager.userId, t.slug).inventory.renameWarehouse({ id: t.warehouseId, name: "x".repeat(81) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
