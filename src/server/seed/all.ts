import "server-only";
import { seedDemo, type DemoSeeder } from "./demo";
import { seedInventory } from "./inventory";
import { seedPos } from "./pos";
import { seedFiscalDemo } from "../fiscal/seed-demo";

// Later areas append their idempotent demo seeders here (catalog, suppliers, …).
export const demoSeeders: DemoSeeder[] = [
  seedInventory, // catalog, warehouses, lots (inventory)
  seedPos, // second register, customers (pos)
  seedFiscalDemo, // fiscal settings on the fake AFIP (fiscal)
];

export const seedAll = () => seedDemo(demoSeeders);
