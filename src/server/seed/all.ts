import "server-only";
import { seedDemo, type DemoSeeder } from "./demo";
import { seedFiscalDemo } from "../fiscal/seed-demo";
import { seedInventory } from "./inventory";
import { seedPurchasingDemo } from "../purchasing/seed-demo";

// Later areas append their idempotent demo seeders here (catalog, suppliers, …).
export const demoSeeders: DemoSeeder[] = [
  seedInventory, // catalog, warehouses, lots (inventory)
  seedFiscalDemo,
  seedPurchasingDemo, // suppliers, an open order, a payable due soon (after the catalog)
];

export const seedAll = () => seedDemo(demoSeeders);
