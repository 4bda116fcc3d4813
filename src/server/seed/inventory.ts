import "server-only";
import { sql } from "drizzle-orm";
import { withTenant } from "../db/with-tenant";
import type { Tx } from "../db/client";
import type { DemoSeeder } from "./demo";
import { createCategory } from "../catalog/create-category";
import { createFamily } from "../catalog/create-family";
import { createPack } from "../catalog/create-pack";
import { createProduct } from "../catalog/create-product";
import { createWarehouse } from "../catalog/create-warehouse";
import { receiveStock } from "../inventory/receive-stock";
import { consumeStock } from "../inventory/consume-stock";
import { transferStock } from "../inventory/transfer-stock";
import type { TProductInput } from "../catalog/product-input";

// Demo catalog of a hotel with restaurant: the cocoa family (400 g / 900 g / 2.5 kg bags),
// a six-pack of water sold by the bottle, minibar, kitchen and housekeeping goods, lots with
// expiry (some about to expire). Idempotent: everything is keyed by name / SKU.

type Lot = { qty: string; cost: string; lot?: string; expiresInDays?: number; receivedDaysAgo?: number };
type Item = Omit<TProductInput, "categoryId" | "familyId"> & { category: string; family?: string; lots?: Lot[] };

const CATEGORIES: [string, string | null][] = [
  ["Bebidas", null],
  ["Aguas y gaseosas", "Bebidas"],
  ["Vinos y cervezas", "Bebidas"],
  ["Almacén", null],
  ["Cacao, café e infusiones", "Almacén"],
  ["Harinas y panificados", "Almacén"],
  ["Aceites y condimentos", "Almacén"],
  ["Lácteos y frescos", null],
  ["Carnes", null],
  ["Frutas y verduras", null],
  ["Minibar", null],
  ["Amenities", null],
  ["Limpieza", null],
  ["Servicios", null],
];

const FAMILIES = [{ name: "Cacao en polvo", baseUnit: "g" as const, targetStock: "20000" }];

const ITEMS: Item[] = [
  // Cocoa family: one good in three sizes, compared in grams.
  { sku: "CAC-400", name: "Cacao amargo 400 g", category: "Cacao, café e infusiones", family: "Cacao en polvo", conversionFactor: "400", unit: "bolsa", salePrice: "4200", ivaRate: "21", stockMin: "4", stockIdeal: "10", stockMax: "20", hasExpiry: true, barcodes: ["7790580123406"], lots: [{ qty: "8", cost: "2650", lot: "CA-2411", expiresInDays: 240, receivedDaysAgo: 30 }] },
  { sku: "CAC-900", name: "Cacao amargo 900 g", category: "Cacao, café e infusiones", family: "Cacao en polvo", conversionFactor: "900", unit: "bolsa", salePrice: "8900", ivaRate: "21", stockMin: "2", stockIdeal: "6", stockMax: "10", hasExpiry: true, barcodes: ["7790580123901"], lots: [{ qty: "5", cost: "5600", lot: "CB-2410", expiresInDays: 200, receivedDaysAgo: 45 }] },
  { sku: "CAC-2500", name: "Cacao amargo 2,5 kg", category: "Cacao, café e infusiones", family: "Cacao en polvo", conversionFactor: "2500", unit: "bolsa", salePrice: "22500", ivaRate: "21", stockMin: "1", stockIdeal: "2", stockMax: "4", hasExpiry: true, lots: [{ qty: "2", cost: "14800", lot: "CC-2409", expiresInDays: 12, receivedDaysAgo: 80 }] },
  // Water: six-pack (parent) and single bottle (child); selling bottles opens packs.
  { sku: "AGU-500", name: "Agua mineral sin gas 500 ml", category: "Aguas y gaseosas", unit: "botella", salePrice: "1500", ivaRate: "21", stockMin: "12", stockIdeal: "24", stockMax: "60", hasExpiry: true, barcodes: ["7798062540017"], lots: [{ qty: "4", cost: "520", lot: "AG-1101", expiresInDays: 300, receivedDaysAgo: 20 }] },
  { sku: "AGU-500-X6", name: "Agua mineral sin gas 500 ml x6", category: "Aguas y gaseosas", unit: "pack", salePrice: "8100", ivaRate: "21", stockMin: "4", stockIdeal: "10", stockMax: "20", hasExpiry: true, barcodes: ["7798062540611"], lots: [{ qty: "10", cost: "2900", lot: "AG-1102", expiresInDays: 320, receivedDaysAgo: 10 }] },
  { sku: "AGU-GAS-500", name: "Agua mineral con gas 500 ml", category: "Aguas y gaseosas", unit: "botella", salePrice: "1500", ivaRate: "21", stockMin: "12", stockIdeal: "24", stockMax: "48", hasExpiry: true, lots: [{ qty: "30", cost: "540", lot: "AGG-07", expiresInDays: 280 }] },
  { sku: "GAS-COLA-354", name: "Gaseosa cola lata 354 ml", category: "Aguas y gaseosas", unit: "lata", salePrice: "1900", ivaRate: "21", stockMin: "24", stockIdeal: "48", stockMax: "96", hasExpiry: true, barcodes: ["7790895000997"], lots: [{ qty: "48", cost: "780", lot: "CO-3345", expiresInDays: 150 }] },
  { sku: "GAS-LIMA-354", name: "Gaseosa lima-limón lata 354 ml", category: "Aguas y gaseosas", unit: "lata", salePrice: "1900", ivaRate: "21", stockMin: "24", stockIdeal: "48", stockMax: "96", hasExpiry: true, lots: [{ qty: "10", cost: "760", lot: "LL-118", expiresInDays: 9 }] },
  { sku: "JUG-NAR-1L", name: "Jugo de naranja exprimido 1 l", category: "Lácteos y frescos", unit: "botella", salePrice: "3800", ivaRate: "21", stockMin: "6", stockIdeal: "12", stockMax: "20", hasExpiry: true, lots: [{ qty: "8", cost: "1700", lot: "JN-22", expiresInDays: 3 }] },
  { sku: "VIN-MAL-750", name: "Vino Malbec reserva 750 ml", category: "Vinos y cervezas", unit: "botella", salePrice: "14500", ivaRate: "21", stockMin: "6", stockIdeal: "18", stockMax: "36", barcodes: ["7790010001236"], lots: [{ qty: "12", cost: "6200", lot: "MB-2022" }, { qty: "6", cost: "6900", lot: "MB-2023" }] },
  { sku: "VIN-TOR-750", name: "Vino Torrontés 750 ml", category: "Vinos y cervezas", unit: "botella", salePrice: "11200", ivaRate: "21", stockMin: "6", stockIdeal: "12", stockMax: "24", lots: [{ qty: "9", cost: "4800", lot: "TO-2024" }] },
  { sku: "CER-RUB-473", name: "Cerveza rubia lata 473 ml", category: "Vinos y cervezas", unit: "lata", salePrice: "2600", ivaRate: "21", stockMin: "24", stockIdeal: "48", stockMax: "120", hasExpiry: true, lots: [{ qty: "60", cost: "1150", lot: "CR-0912", expiresInDays: 110 }] },
  { sku: "CAF-GR-1K", name: "Café en grano tostado 1 kg", category: "Cacao, café e infusiones", unit: "kg", salePrice: "28000", ivaRate: "21", stockMin: "3", stockIdeal: "8", stockMax: "15", hasExpiry: true, lots: [{ qty: "6", cost: "16500", lot: "CF-77", expiresInDays: 180 }] },
  { sku: "TE-CAJ-25", name: "Té en saquitos caja x25", category: "Cacao, café e infusiones", unit: "caja", salePrice: "2100", ivaRate: "21", stockMin: "5", stockIdeal: "10", stockMax: "20", lots: [{ qty: "14", cost: "950" }] },
  { sku: "AZU-1K", name: "Azúcar común 1 kg", category: "Almacén", unit: "kg", salePrice: "1600", ivaRate: "10.5", stockMin: "5", stockIdeal: "15", stockMax: "30", lots: [{ qty: "20", cost: "890" }] },
  { sku: "HAR-000-1K", name: "Harina 000 1 kg", category: "Harinas y panificados", unit: "kg", salePrice: "1200", ivaRate: "10.5", stockMin: "10", stockIdeal: "25", stockMax: "50", hasExpiry: true, lots: [{ qty: "25", cost: "640", lot: "HA-3301", expiresInDays: 120 }] },
  { sku: "PAN-MIGA", name: "Pan de miga (plancha)", category: "Harinas y panificados", unit: "plancha", salePrice: "5200", ivaRate: "10.5", stockMin: "2", stockIdeal: "6", stockMax: "10", hasExpiry: true, lots: [{ qty: "4", cost: "2600", lot: "PM-1124", expiresInDays: 2 }] },
  { sku: "ACE-GIR-900", name: "Aceite de girasol 900 ml", category: "Aceites y condimentos", unit: "botella", salePrice: "2900", ivaRate: "10.5", stockMin: "4", stockIdeal: "10", stockMax: "20", lots: [{ qty: "12", cost: "1650" }] },
  { sku: "ACE-OLI-500", name: "Aceite de oliva extra virgen 500 ml", category: "Aceites y condimentos", unit: "botella", salePrice: "9800", ivaRate: "10.5", stockMin: "2", stockIdeal: "6", stockMax: "12", lots: [{ qty: "5", cost: "5400" }] },
  { sku: "SAL-FIN-500", name: "Sal fina 500 g", category: "Aceites y condimentos", unit: "paquete", salePrice: "800", ivaRate: "10.5", stockMin: "3", stockIdeal: "8", stockMax: "15", lots: [{ qty: "10", cost: "320" }] },
  { sku: "LEC-ENT-1L", name: "Leche entera 1 l", category: "Lácteos y frescos", unit: "l", salePrice: "1500", ivaRate: "10.5", stockMin: "12", stockIdeal: "24", stockMax: "48", hasExpiry: true, barcodes: ["7790742000019"], lots: [{ qty: "12", cost: "820", lot: "LE-A", expiresInDays: 4, receivedDaysAgo: 6 }, { qty: "18", cost: "860", lot: "LE-B", expiresInDays: 11, receivedDaysAgo: 1 }] },
  { sku: "MAN-200", name: "Manteca 200 g", category: "Lácteos y frescos", unit: "pan", salePrice: "2600", ivaRate: "10.5", stockMin: "6", stockIdeal: "12", stockMax: "24", hasExpiry: true, lots: [{ qty: "10", cost: "1400", lot: "MA-55", expiresInDays: 25 }] },
  { sku: "QUE-CRE-1K", name: "Queso cremoso 1 kg", category: "Lácteos y frescos", unit: "kg", salePrice: "11800", ivaRate: "10.5", stockMin: "2", stockIdeal: "5", stockMax: "8", hasExpiry: true, lots: [{ qty: "3.750", cost: "6900", lot: "QC-08", expiresInDays: 18 }] },
  { sku: "HUE-MAP-30", name: "Huevos maple x30", category: "Lácteos y frescos", unit: "maple", salePrice: "7200", ivaRate: "10.5", stockMin: "2", stockIdeal: "5", stockMax: "8", hasExpiry: true, lots: [{ qty: "4", cost: "4300", lot: "HU-1120", expiresInDays: 14 }] },
  { sku: "CAR-LOMO", name: "Lomo vacuno", category: "Carnes", unit: "kg", salePrice: "24000", ivaRate: "10.5", stockMin: "3", stockIdeal: "8", stockMax: "12", hasExpiry: true, lots: [{ qty: "6.480", cost: "14500", lot: "LV-332", expiresInDays: 5 }] },
  { sku: "CAR-POLLO", name: "Pechuga de pollo", category: "Carnes", unit: "kg", salePrice: "9800", ivaRate: "10.5", stockMin: "4", stockIdeal: "10", stockMax: "15", hasExpiry: true, lots: [{ qty: "8.200", cost: "5200", lot: "PP-87", expiresInDays: 4 }] },
  { sku: "VER-TOM", name: "Tomate redondo", category: "Frutas y verduras", unit: "kg", salePrice: "3200", ivaRate: "10.5", stockMin: "3", stockIdeal: "8", stockMax: "12", hasExpiry: true, lots: [{ qty: "7.5", cost: "1500", expiresInDays: 6 }] },
  { sku: "VER-PAPA", name: "Papa", category: "Frutas y verduras", unit: "kg", salePrice: "1400", ivaRate: "10.5", stockMin: "10", stockIdeal: "25", stockMax: "40", lots: [{ qty: "22", cost: "520" }] },
  { sku: "FRU-LIM", name: "Limón", category: "Frutas y verduras", unit: "kg", salePrice: "2500", ivaRate: "10.5", stockMin: "2", stockIdeal: "5", stockMax: "8", hasExpiry: true, lots: [{ qty: "1.5", cost: "1100", expiresInDays: 10 }] },
  { sku: "MIN-CHOC-50", name: "Chocolate con almendras 50 g", category: "Minibar", unit: "u", salePrice: "3500", ivaRate: "21", stockMin: "20", stockIdeal: "40", stockMax: "80", hasExpiry: true, barcodes: ["7790407031228"], lots: [{ qty: "36", cost: "1300", lot: "CH-901", expiresInDays: 90 }] },
  { sku: "MIN-MANI-100", name: "Maní salado 100 g", category: "Minibar", unit: "u", salePrice: "2200", ivaRate: "21", stockMin: "20", stockIdeal: "40", stockMax: "80", hasExpiry: true, lots: [{ qty: "15", cost: "700", lot: "MN-12", expiresInDays: 60 }] },
  { sku: "MIN-ALF", name: "Alfajor de dulce de leche", category: "Minibar", unit: "u", salePrice: "1800", ivaRate: "21", stockMin: "20", stockIdeal: "40", stockMax: "80", hasExpiry: true, lots: [{ qty: "40", cost: "650", lot: "AL-77", expiresInDays: 45 }] },
  { sku: "AME-SHA-30", name: "Shampoo amenity 30 ml", category: "Amenities", unit: "u", salePrice: "0", ivaRate: "21", stockMin: "100", stockIdeal: "300", stockMax: "600", lots: [{ qty: "250", cost: "180" }] },
  { sku: "AME-JAB-20", name: "Jabón de tocador 20 g", category: "Amenities", unit: "u", salePrice: "0", ivaRate: "21", stockMin: "100", stockIdeal: "300", stockMax: "600", lots: [{ qty: "80", cost: "120" }] },
  { sku: "AME-KIT-DEN", name: "Kit dental", category: "Amenities", unit: "u", salePrice: "0", ivaRate: "21", stockMin: "50", stockIdeal: "150", stockMax: "300", lots: [{ qty: "140", cost: "260" }] },
  { sku: "LIM-LAV-5L", name: "Lavandina 5 l", category: "Limpieza", unit: "bidón", salePrice: "0", ivaRate: "21", stockMin: "2", stockIdeal: "6", stockMax: "10", lots: [{ qty: "5", cost: "3100" }] },
  { sku: "LIM-DET-5L", name: "Detergente concentrado 5 l", category: "Limpieza", unit: "bidón", salePrice: "0", ivaRate: "21", stockMin: "2", stockIdeal: "5", stockMax: "8", lots: [{ qty: "1", cost: "5200" }] },
  { sku: "LIM-PAP-HIG", name: "Papel higiénico x4", category: "Limpieza", unit: "paquete", salePrice: "0", ivaRate: "21", stockMin: "20", stockIdeal: "60", stockMax: "120", lots: [{ qty: "48", cost: "1450" }] },
  { sku: "SER-DESAY", name: "Desayuno buffet", category: "Servicios", unit: "cubierto", salePrice: "9500", ivaRate: "21", isService: true },
  { sku: "SER-LAV", name: "Servicio de lavandería (prenda)", category: "Servicios", unit: "prenda", salePrice: "2500", ivaRate: "21", isService: true },
  { sku: "SER-COCH", name: "Cochera por noche", category: "Servicios", unit: "noche", salePrice: "8000", ivaRate: "21", isService: true },
];

const daysFromNow = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();

async function idsByName(tx: Tx, table: "categories" | "product_families" | "warehouses") {
  const rows = await tx.execute<{ id: string; name: string }>(sql`select id, name from ${sql.identifier(table)}`);
  return new Map(rows.map((r) => [r.name, r.id]));
}

export const seedInventory: DemoSeeder = async ({ tenantId, ownerId, warehouseId }) => {
  const actor = { userId: ownerId };
  await withTenant(
    tenantId,
    async (tx) => {
      const warehouses = await idsByName(tx, "warehouses");
      for (const name of ["Cocina", "Bar"]) if (!warehouses.has(name)) warehouses.set(name, (await createWarehouse(tx, { name }, actor)).id);

      const cats = await idsByName(tx, "categories");
      for (const [name, parent] of CATEGORIES) {
        if (!cats.has(name)) cats.set(name, (await createCategory(tx, { name, parentId: parent ? cats.get(parent)! : null }, actor)).id);
      }
      const fams = await idsByName(tx, "product_families");
      for (const f of FAMILIES) if (!fams.has(f.name)) fams.set(f.name, (await createFamily(tx, f, actor)).id);

      const existing = new Map(
        (await tx.execute<{ id: string; sku: string }>(sql`select id, sku from products`)).map((r) => [r.sku, r.id]),
      );
      const created = new Set<string>();
      for (const { category, family, lots, ...item } of ITEMS) {
        if (existing.has(item.sku)) continue;
        const { id } = await createProduct(tx, { ...item, categoryId: cats.get(category)!, familyId: family ? fams.get(family)! : null }, actor);
        existing.set(item.sku, id);
        created.add(item.sku);
        for (const l of lots ?? []) {
          await receiveStock(
            tx,
            {
              productId: id,
              warehouseId,
              quantity: l.qty,
              unitCost: l.cost,
              lotNumber: l.lot ?? null,
              expiresAt: l.expiresInDays !== undefined ? daysFromNow(l.expiresInDays) : null,
              receivedAt: daysAgo(l.receivedDaysAgo ?? 7),
              reference: "Stock inicial",
            },
            actor,
          );
        }
      }
      if (created.has("AGU-500") || created.has("AGU-500-X6")) {
        await createPack(tx, { parentProductId: existing.get("AGU-500-X6")!, childProductId: existing.get("AGU-500")!, unitsPerParent: "6" }, actor);
      }
      // A little history so the movements screen is not empty.
      if (created.has("MIN-CHOC-50")) {
        await consumeStock(tx, { productId: existing.get("MIN-CHOC-50")!, warehouseId, quantity: "2", destinationType: "ROOM", reference: "HAB-502" }, actor);
        await consumeStock(tx, { productId: existing.get("MIN-ALF")!, warehouseId, quantity: "1", destinationType: "ROOM", reference: "HAB-214" }, actor);
      }
      if (created.has("LEC-ENT-1L")) {
        await consumeStock(tx, { productId: existing.get("LEC-ENT-1L")!, warehouseId, quantity: "4", destinationType: "KITCHEN", reference: "Desayuno" }, actor);
        await transferStock(tx, { productId: existing.get("LEC-ENT-1L")!, fromWarehouseId: warehouseId, toWarehouseId: warehouses.get("Cocina")!, quantity: "6", reference: "Reposición cocina" }, actor);
      }
      if (created.has("VIN-MAL-750")) {
        await transferStock(tx, { productId: existing.get("VIN-MAL-750")!, fromWarehouseId: warehouseId, toWarehouseId: warehouses.get("Bar")!, quantity: "6", reference: "Carta de vinos" }, actor);
      }
    },
    { userId: ownerId },
  );
};
