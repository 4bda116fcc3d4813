import "server-only";
import { seedDemo, type DemoSeeder } from "./demo";
import { seedInventory } from "./inventory";
import { seedFiscalDemo } from "../fiscal/seed-demo";
import { seedPos } from "./pos";
import { seedOffline } from "./offline";
import { seedPurchasingDemo } from "../purchasing/seed-demo";

// Each area's idempotent demo seeder, in dependency order.
export const demoSeeders: DemoSeeder[] = [
  seedInventory, // catalog, warehouses, lots (inventory)
  seedFiscalDemo, // fiscal settings on the fake AFIP (fiscal)
  seedPos, // second register, customers (pos)
  seedOffline, // the offline terminal's register (offline)
  seedPurchasingDemo, // suppliers, an open order, a payable due soon, suggestions (purchasing)
];

export const seedAll = () => seedDemo(demoSeeders);
