import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InngestTestEngine } from "@inngest/test";
import { eq } from "drizzle-orm";
import { withTenant } from "@/server/db/with-tenant";
import { fiscalCaeas, fiscalParameters } from "@/server/db/schema/caea";
import { notifications } from "@/server/db/schema/notifications";
import { createTestCa } from "@/server/afip/fake/certs";
import { startFakeAfip, type FakeAfip } from "@/server/afip/fake/server";
import { makeFiscalTenant } from "@/test/fiscal";
import { fiscalCaeaMaintenance, fiscalDaily } from "./fiscal-caea";
import { registers } from "@/server/db/schema/registers";
import { checkRegisterPointOfSale } from "@/server/fiscal/check-register-point-of-sale";

const ca = createTestCa();
let fake: FakeAfip;
beforeAll(async () => {
  fake = await startFakeAfip({ ca });
  process.env.FAKE_AFIP_URL = fake.url;
  process.env.AFIP_TIMEOUT_MS = "10000";
});
afterAll(async () => {
  await fake.close();
});

describe("fiscal crons (Inngest, real PostgreSQL, fake ARCA)", () => {
  it("the daily run stores the current CAEA and caches ARCA's parameter tables, per tenant; the 10-minute round runs after it", async () => {
    const t = await makeFiscalTenant(ca);
    fake.setPointsOfSale(t.cuit, [{ nro: 2, emisionTipo: "CAE" }, { nro: 92, emisionTipo: "CAEA" }]);
    const daily = await new InngestTestEngine({ function: fiscalDaily }).execute({ events: [{ name: "inngest/scheduled.timer", data: {} }] });
    expect(daily.error).toBeUndefined();
    const caeas = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalCaeas));
    expect(caeas.length).toBeGreaterThanOrEqual(1);
    const params = await withTenant(t.tenantId, (tx) => tx.select().from(fiscalParameters).where(eq(fiscalParameters.kind, "POINTS_OF_SALE")));
    expect(params[0]!.data).toEqual([
      { number: 2, emissionType: "CAE", blocked: false, droppedOn: null },
      { number: 92, emissionType: "CAEA", blocked: false, droppedOn: null },
    ]);
    // Before a sale, the register's point of sale is checked against that cache.
    const check = async (pos: number) => {
      await withTenant(t.tenantId, (tx) => tx.update(registers).set({ afipPointOfSale: pos, fiscalEnabled: true }));
      const [r] = await withTenant(t.tenantId, (tx) => tx.select({ id: registers.id }).from(registers));
      return withTenant(t.tenantId, (tx) => checkRegisterPointOfSale(tx, r!.id));
    };
    expect(await check(2)).toMatchObject({ ok: true, message: null });
    expect(await check(5)).toMatchObject({ ok: false, message: expect.stringMatching(/^El punto de venta 5 no está dado de alta en ARCA \(ex AFIP\)/) });
    expect(await check(92)).toMatchObject({ ok: false, message: expect.stringMatching(/es de contingencia \(CAEA\)/) });
    // Running it again asks ARCA for nothing new.
    const before = fake.calls.FECAEASolicitar ?? 0;
    await new InngestTestEngine({ function: fiscalDaily }).execute({ events: [{ name: "inngest/scheduled.timer", data: {} }] });
    expect(fake.calls.FECAEASolicitar ?? 0).toBe(before);
    const round = await new InngestTestEngine({ function: fiscalCaeaMaintenance }).execute({ events: [{ name: "inngest/scheduled.timer", data: {} }] });
    expect(round.error).toBeUndefined();
    expect(await withTenant(t.tenantId, (tx) => tx.select().from(notifications).where(eq(notifications.kind, "FISCAL_CAEA_MISSING")))).toEqual([]);
  }, 120_000);
});
