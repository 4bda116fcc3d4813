import "server-only";
import { seedDemo, type DemoSeeder } from "./demo";
import { seedFiscalDemo } from "../fiscal/seed-demo";

// Later areas append their idempotent demo seeders here (catalog, suppliers, …).
export const demoSeeders: DemoSeeder[] = [seedFiscalDemo];

export const seedAll = () => seedDemo(demoSeeders);
