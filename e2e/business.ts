import { readFileSync } from "node:fs";
import path from "node:path";
import { test as base } from "@playwright/test";
import type { SeededBusiness } from "../src/test/seed-business";

export type { SeededBusiness };

// Each spec file gets its own copy of the demo business (same catalog, registers, fiscal
// settings, suppliers; its own slug, CUIT and users), seeded through the domain services by the
// e2e server's loopback seeding endpoint (src/test/seed-business.ts). The tests of one file share
// it, in order, as they shared the demo before; other files (and the other worker) never see it.

function seedUrl(): string {
  const port = process.env.E2E_PORT ?? "3210";
  return readFileSync(path.resolve(process.cwd(), `.data/e2e-seed-${port}.url`), "utf8").trim();
}

const perFile = new Map<string, Promise<SeededBusiness>>();

/** A fresh business for a spec file, seeded once per file in this worker. */
export function businessForFile(file: string): Promise<SeededBusiness> {
  let b = perFile.get(file);
  if (!b) {
    const name = path.basename(file, ".spec.ts").replace(/[^a-z0-9-]/g, "-").slice(0, 22);
    const slug = `e2e-${name}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e3)}`;
    b = seedBusiness(slug);
    perFile.set(file, b);
  }
  return b;
}

async function seedBusiness(slug: string): Promise<SeededBusiness> {
  const res = await fetch(seedUrl(), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ slug }) });
  if (!res.ok) throw new Error(`Seeding ${slug} failed: ${await res.text()}`);
  return (await res.json()) as SeededBusiness;
}

/** `test` with `business`: this spec file's own business (seeded on first use). */
export const test = base.extend<{ business: SeededBusiness }>({
  // eslint-disable-next-line no-empty-pattern
  business: async ({}, provide, testInfo) => {
    await provide(await businessForFile(testInfo.file));
  },
});
export { expect } from "@playwright/test";
