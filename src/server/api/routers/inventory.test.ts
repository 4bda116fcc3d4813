import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { addMember, makeTenant } from "../../../test/factories";
import { callerFor } from "../../../test/caller";

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof TRPCError)) throw e;
    return { code: e.code, message: e.message, cause: e.cause as { code?: string; details?: Record<string, unknown> } | undefined };
  }
  throw new Error("expected a failure");
}

describe("inventory router", () => {
  it("a manager creates a product, receives two lots, consumes to a room and sees stock and movements", async () => {
    const t = await makeTenant();
    const manager = await addMember(t.tenantId, "MANAGER");
    const api = callerFor(manager.userId, t.slug);
    const { id } = await api.inventory.createProduct({
      sku: "MIN-CHOC",
      name: "Chocolate minibar",
      salePrice: "3500",
      ivaRate: "21",
      stockMin: "10",
      hasExpiry: true,
      barcodes: ["7790001112224"],
    });
    await api.inventory.receive({ productId: id, warehouseId: t.warehouseId, quantity: "12", unitCost: "1200", lotNumber: "A", expiresAt: "2027-05-01" });
    await api.inventory.receive({ productId: id, warehouseId: t.warehouseId, quantity: "6", unitCost: "1300", lotNumber: "B", expiresAt: "2027-02-01" });
    const r = await api.inventory.consume({ productId: id, warehouseId: t.warehouseId, quantity: "2", destinationType: "ROOM", reference: "HAB-502" });
    expect(r.costTotal).toBe("2600.0000"); // lot B expires first

    const detail = await api.inventory.product({ id });
    expect(detail.totalStock).toBe("16.000");
    expect(detail.lots.map((l) => [l.lotNumber, l.quantity])).toEqual([
      ["B", "4.000"],
      ["A", "12.000"],
    ]);
    const mv = await api.inventory.movements({ productId: id });
    expect(mv.total).toBe(3);
    expect(mv.rows[0]).toMatchObject({ type: "CONSUME", reference: "HAB-502", quantity: "-2.000", userName: "MANAGER" });

    // Search by name fragment, exact SKU (any case) and barcode.
    for (const search of ["minibar", "min-choc", "7790001112224"]) {
      expect((await api.inventory.products({ search })).rows.map((p) => p.id)).toEqual([id]);
    }
    expect((await api.inventory.products({ search: "inexistente" })).total).toBe(0);
  });

  it("searches names by word fragments (trigram table kept by trigger), SKU and barcode", async () => {
    const t = await makeTenant();
    const api = callerFor(t.ownerId, t.slug);
    const cafe = await api.inventory.createProduct({ sku: "CAF-1", name: "Café en grano tostado 1 kg", salePrice: "1" });
    const leche = await api.inventory.createProduct({ sku: "LEC-1", name: "Leche descremada 1 l", salePrice: "1", barcodes: ["7790742000019"] });
    await api.inventory.createProduct({ sku: "AGU-1", name: "Agua mineral", salePrice: "1" });
    const names = async (search: string) => (await api.inventory.products({ search })).rows.map((r) => r.id);
    expect(await names("café")).toEqual([cafe.id]);
    expect(await names("CAFÉ EN GRA")).toEqual([cafe.id]);
    expect(await names("descrem")).toEqual([leche.id]);
    expect(await names("grano café")).toEqual([]); // words must appear in that order
    expect(await names("1 l")).toEqual([leche.id]); // no 3-letter word: falls back to a scan
    expect(await names("lec-1")).toEqual([leche.id]);
    expect(await names("7790742000019")).toEqual([leche.id]);
    // Renaming refreshes the trigrams.
    const detail = await api.inventory.product({ id: leche.id });
    await api.inventory.updateProduct({ id: leche.id, data: { ...detail.product, name: "Yogur bebible frutilla", salePrice: "1", ivaRate: "21", barcodes: [] } as never });
    expect(await names("descrem")).toEqual([]);
    expect(await names("frutil")).toEqual([leche.id]);
    // Another tenant's products never show up.
    const other = await makeTenant();
    expect((await callerFor(other.ownerId, other.slug).inventory.products({ search: "café" })).total).toBe(0);
  });

  it("filters low stock and sorts by stock on the server", async () => {
    const t = await makeTenant();
    const api = callerFor(t.ownerId, t.slug);
    const low = await api.inventory.createProduct({ sku: "L", name: "Bajo", salePrice: "1", stockMin: "5" });
    const ok = await api.inventory.createProduct({ sku: "O", name: "Bien", salePrice: "1", stockMin: "5" });
    await api.inventory.receive({ productId: low.id, warehouseId: t.warehouseId, quantity: "2", unitCost: "1" });
    await api.inventory.receive({ productId: ok.id, warehouseId: t.warehouseId, quantity: "20", unitCost: "1" });
    expect((await api.inventory.products({ lowStock: true })).rows.map((p) => p.name)).toEqual(["Bajo"]);
    const sorted = await api.inventory.products({ sort: "stock", desc: true });
    expect(sorted.rows.map((p) => [p.name, p.stock])).toEqual([
      ["Bien", "20.000"],
      ["Bajo", "2.000"],
    ]);
    const page2 = await api.inventory.products({ pageSize: 1, page: 1 });
    expect(page2.total).toBe(2);
    expect(page2.rows.map((p) => p.name)).toEqual(["Bien"]);
  });

  it("enforces the role matrix and returns typed errors", async () => {
    const t = await makeTenant();
    const cashier = await addMember(t.tenantId, "CASHIER");
    const operator = await addMember(t.tenantId, "OPERATOR");
    const owner = callerFor(t.ownerId, t.slug);
    const { id } = await owner.inventory.createProduct({ sku: "X-1", name: "Producto X", salePrice: "10" });

    expect((await failure(callerFor(cashier.userId, t.slug).inventory.createProduct({ sku: "Y", name: "Ye", salePrice: "1" }))).code).toBe("FORBIDDEN");
    expect((await failure(callerFor(operator.userId, t.slug).inventory.receive({ productId: id, warehouseId: t.warehouseId, quantity: "1", unitCost: "1" }))).code).toBe(
      "FORBIDDEN",
    );
    // The operator may consume, and gets the typed stock error.
    const f = await failure(
      callerFor(operator.userId, t.slug).inventory.consume({ productId: id, warehouseId: t.warehouseId, quantity: "1", destinationType: "KITCHEN" }),
    );
    expect(f.code).toBe("CONFLICT");
    expect(f.cause?.code).toBe("INSUFFICIENT_STOCK");
    expect(f.message).toMatch(/Stock insuficiente de «Producto X»/);

    // Duplicate SKU → CONFLICT on the sku field; bad fields → BAD_REQUEST.
    const dup = await failure(owner.inventory.createProduct({ sku: "x-1", name: "Otro", salePrice: "1" }));
    expect(dup.code).toBe("CONFLICT");
    expect(dup.cause?.details).toEqual({ field: "sku" });
    expect((await failure(owner.inventory.createProduct({ sku: "", name: "A", salePrice: "-1" }))).code).toBe("BAD_REQUEST");
  });
});

describe("inventory router: catalog lists", () => {
  it("lists families in base units, packs, categories as a tree, warehouses and valuation", async () => {
    const t = await makeTenant();
    const api = callerFor(t.ownerId, t.slug);
    const fam = await api.inventory.createFamily({ name: "Cacao", baseUnit: "g", targetStock: "10000" });
    const small = await api.inventory.createProduct({ sku: "C4", name: "Cacao 400 g", salePrice: "1", familyId: fam.id, conversionFactor: "400" });
    const big = await api.inventory.createProduct({ sku: "C9", name: "Cacao 900 g", salePrice: "1", familyId: fam.id, conversionFactor: "900" });
    await api.inventory.receive({ productId: small.id, warehouseId: t.warehouseId, quantity: "3", unitCost: "100" });
    await api.inventory.receive({ productId: big.id, warehouseId: t.warehouseId, quantity: "2", unitCost: "200" });
    const families = await api.inventory.families();
    expect(families.map((f) => [f.name, f.stockBase, f.targetStock, f.members.length])).toEqual([["Cacao", "3000.000", "10000.000", 2]]);

    const bottle = await api.inventory.createProduct({ sku: "B", name: "Botella", salePrice: "1" });
    const six = await api.inventory.createProduct({ sku: "B6", name: "Botella x6", salePrice: "1" });
    await api.inventory.createPack({ parentProductId: six.id, childProductId: bottle.id, unitsPerParent: "6" });
    expect((await api.inventory.packs()).map((k) => [k.parentName, k.childName, k.unitsPerParent])).toEqual([["Botella x6", "Botella", "6.000"]]);

    const drinks = await api.inventory.createCategory({ name: "Bebidas" });
    await api.inventory.createCategory({ name: "Aguas", parentId: drinks.id });
    expect((await api.inventory.categories()).map((c) => [c.path, c.depth])).toEqual([
      ["Bebidas", 0],
      ["Bebidas › Aguas", 1],
    ]);

    await api.inventory.createWarehouse({ name: "Cocina" });
    const warehouses = await api.inventory.warehouses();
    expect(warehouses.map((w) => [w.name, w.isDefault, w.value])).toEqual([
      ["Depósito principal", true, "700.00"],
      ["Cocina", false, "0.00"],
    ]);
    const byFamily = await api.inventory.valuation({ groupBy: "family" });
    expect(byFamily.map((r) => [r.name, r.quantity, r.fifo])).toEqual([["Cacao", "3000.000", "700.00"]]);
  });
});
