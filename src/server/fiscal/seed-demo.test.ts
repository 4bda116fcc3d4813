import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withTenant } from "../db/with-tenant";
import { fiscalSettings } from "../db/schema/fiscal";
import { makeTenant } from "@/test/factories";
import { consumerSale, requestDoc } from "@/test/fiscal";
import { seedFiscalDemo, DEMO_CUIT } from "./seed-demo";
import { issueDocument } from "./issue-document";

describe("demo fiscal seeder", () => {
  it("configures the FAKE environment idempotently and the in-process fake AFIP issues for it", async () => {
    delete process.env.FAKE_AFIP_URL;
    process.env.FAKE_AFIP_DIR = mkdtempSync(path.join(tmpdir(), "fake-afip-"));
    const t = await makeTenant();
    await seedFiscalDemo({ tenantId: t.tenantId, ownerId: t.ownerId, warehouseId: t.warehouseId });
    await seedFiscalDemo({ tenantId: t.tenantId, ownerId: t.ownerId, warehouseId: t.warehouseId });
    const rows = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalSettings));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ cuit: DEMO_CUIT, environment: "FAKE" });
    const id = await requestDoc(t.tenantId, consumerSale({ pointOfSale: 1 }));
    const out = await issueDocument(t.tenantId, id);
    expect(out.status).toBe("ISSUED");
    expect(out.cae).toMatch(/^\d{14}$/);
  });

  it("FAKE is refused in production mode", async () => {
    const { assertFakeAllowed } = await import("./afip-runtime");
    const prev = process.env.NODE_ENV;
    (process.env as Record<string, string>).NODE_ENV = "production";
    try {
      expect(() => assertFakeAllowed()).toThrow(/producción/);
      const { startFakeAfip } = await import("../afip/fake/server");
      const { createTestCa } = await import("../afip/fake/certs");
      await expect(startFakeAfip({ ca: createTestCa() })).rejects.toThrow(/production/);
    } finally {
      (process.env as Record<string, string>).NODE_ENV = prev!;
    }
  });
});
