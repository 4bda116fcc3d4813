import "server-only";
import { seedDemo, type DemoSeeder } from "./demo";

// Later areas append their idempotent demo seeders here (catalog, suppliers, …).
export const demoSeeders: DemoSeeder[] = [];

export const seedAll = () => seedDemo(demoSeeders);
