import "server-only";
import { seedDemo, type DemoSeeder } from "./demo";
import { seedInventory } from "./inventory";

// Later areas append their idempotent demo seeders here (catalog, suppliers, …).
export const demoSeeders: DemoSeeder[] = [
  seedInventory, // catalog, warehouses, lots (inventory)
];

export const seedAll = () => seedDemo(demoSeeders);
