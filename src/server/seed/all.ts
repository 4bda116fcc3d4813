import "server-only";
import { seedDemo, type DemoSeeder } from "./demo";
import { seedInventory } from "./inventory";
import { seedPos } from "./pos";

// Later areas append their idempotent demo seeders here (catalog, suppliers, …).
export const demoSeeders: DemoSeeder[] = [
  seedInventory, // catalog, warehouses, lots (inventory)
  seedPos, // second register, customers (pos)
];

export const seedAll = () => seedDemo(demoSeeders);
