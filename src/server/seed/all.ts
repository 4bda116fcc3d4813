import "server-only";
import { seedDemo, type DemoSeeder } from "./demo";
import { seedInventory } from "./inventory";
import { seedPos } from "./pos";
import { seedOffline } from "./offline";

// Later areas append their idempotent demo seeders here (catalog, suppliers, …).
export const demoSeeders: DemoSeeder[] = [
  seedInventory, // catalog, warehouses, lots (inventory)
  seedPos, // second register, customers (pos)
  seedOffline, // the offline terminal's register (offline)
];

export const seedAll = () => seedDemo(demoSeeders);
