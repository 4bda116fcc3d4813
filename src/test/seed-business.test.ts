import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { isValidCuit } from "@/lib/cuit";
import { withTenant } from "@/server/db/with-tenant";
import { seedAll } from "@/server/seed/all";
import { randomCuit, seedBusiness, startSeedServer } from "./seed-business";

// What an e2e spec's business must be: a full copy of the demo (the specs assert on its
// registers, products and fiscal settings) that shares nothing with the demo or another copy.

const contents = (tenantId: string) =>
  withTenant(tenantId, async (tx) => {
    const [r] = await tx.execute<{ products: number; registers: string; suppliers: number; cuit: string | null; members: string }>(sql`
      select (select count(*)::int from products) as products,
             (select string_agg(name, ', ' order by name) from registers) as registers,
             (select count(*)::int from suppliers) as suppliers,
             (select cuit from fiscal_settings) as cuit,
             (select string_agg(m.role || ' ' || u.email, ', ' order by m.role::text) from memberships m join users u on u.id = m.user_id) as members`);
    return r!;
  });

describe("an e2e spec's own business", () => {
  it("is a copy of the demo under its own slug, CUIT and e-mails; a taken slug is refused", async () => {
    process.env.FAKE_AFIP_DIR = mkdtempSync(path.join(tmpdir(), "fake-afip-"));
    const demo = await seedAll();
    const a = await seedBusiness("e2e-pos-a1");
    const b = await seedBusiness("e2e-pos-b2");

    expect(a.slug).toBe("e2e-pos-a1");
    expect(new Set([demo.tenantId, a.tenantId, b.tenantId]).size).toBe(3);
    expect(a.users).toEqual({
      owner: "duenio@e2e-pos-a1.e2e.test",
      manager: "encargado@e2e-pos-a1.e2e.test",
      supervisor: "supervisor@e2e-pos-a1.e2e.test",
      cashier: "cajero@e2e-pos-a1.e2e.test",
    });
    expect(isValidCuit(a.cuit)).toBe(true);
    expect(a.cuit).not.toBe(b.cuit);

    const [demoRows, aRows] = await Promise.all([contents(demo.tenantId), contents(a.tenantId)]);
    expect(aRows.products).toBe(demoRows.products);
    expect(aRows.products).toBeGreaterThan(30);
    expect(aRows.registers).toBe(demoRows.registers);
    expect(aRows.registers).toContain("Caja Offline");
    expect(aRows.suppliers).toBe(demoRows.suppliers);
    expect(aRows.cuit).toBe(a.cuit);
    expect(aRows.members).toBe(
      "CASHIER cajero@e2e-pos-a1.e2e.test, MANAGER encargado@e2e-pos-a1.e2e.test, OWNER duenio@e2e-pos-a1.e2e.test, SUPERVISOR supervisor@e2e-pos-a1.e2e.test",
    );

    await expect(seedBusiness("e2e-pos-a1")).rejects.toThrow(/ya existe/);
    await expect(seedBusiness("Not A Slug!")).rejects.toThrow();
  });

  it("the loopback endpoint answers a seeded business and refuses bad requests with 400", async () => {
    process.env.FAKE_AFIP_DIR = mkdtempSync(path.join(tmpdir(), "fake-afip-"));
    const { url, server } = await startSeedServer();
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const ok = await fetch(url, { method: "POST", body: JSON.stringify({ slug: "e2e-http-1" }) });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toMatchObject({ slug: "e2e-http-1", users: { cashier: "cajero@e2e-http-1.e2e.test" } });
      const again = await fetch(url, { method: "POST", body: JSON.stringify({ slug: "e2e-http-1" }) });
      expect(again.status).toBe(400);
      const junk = await fetch(url, { method: "POST", body: "no es json" });
      expect(junk.status).toBe(400);
    } finally {
      server.close();
    }
  });

  it("random CUITs carry a valid check digit", () => {
    for (let i = 0; i < 200; i++) expect(isValidCuit(randomCuit())).toBe(true);
  });
});
