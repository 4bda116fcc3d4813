import { afterAll, describe, expect, it } from "vitest";
import { addMember, adminSql, makeTenant } from "../../test/factories";
import { makeProduct, makeWarehouse } from "../../test/inventory";
import { addStock } from "../../test/purchasing";
import { randomCuit } from "../../test/fiscal";
import { callerFor } from "../../test/caller";
import type { TSaveBusinessSettingsInput } from "./save-business-settings";

const admin = adminSql();
afterAll(() => admin.end());

const settings = (defaultWarehouseId: string, over: Partial<TSaveBusinessSettingsInput> = {}): TSaveBusinessSettingsInput => ({
  name: "Almacén Don José",
  legalName: "Don José SRL",
  cuit: randomCuit("30"),
  address: "Av. Siempre Viva 742, Rosario",
  ivaCondition: "RESPONSABLE_INSCRIPTO",
  timezone: "America/Argentina/Cordoba",
  allowNegativeStock: true,
  expiryAlertDays: 30,
  defaultWarehouseId,
  ...over,
});

describe("business settings and first steps (issue 14 items 4 and 5)", () => {
  it("saves identity and operating settings; refuses a bad CUIT, an inactive or foreign main warehouse; only tenant.settings", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    const owner = callerFor(t.ownerId, t.slug);
    const kitchen = await makeWarehouse(t.tenantId, "Cocina");
    const input = settings(kitchen);
    await expect(owner.business.saveSettings(input)).resolves.toEqual({ saved: true });
    const s = await owner.business.settings();
    expect(s).toMatchObject({
      name: "Almacén Don José",
      legalName: "Don José SRL",
      cuit: String(input.cuit).replace(/\D/g, ""),
      ivaCondition: "RESPONSABLE_INSCRIPTO",
      timezone: "America/Argentina/Cordoba",
      allowNegativeStock: true,
      expiryAlertDays: 30,
      defaultWarehouseId: kitchen,
    });
    const defaults = await admin<{ id: string }[]>`select id from warehouses where tenant_id = ${t.tenantId} and is_default`;
    expect(defaults.map((d) => d.id)).toEqual([kitchen]);

    await expect(owner.business.saveSettings(settings(kitchen, { cuit: "30-12345678-0" }))).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/CUIT inválido/) });
    await expect(owner.business.saveSettings(settings(other.warehouseId))).rejects.toThrow(/depósito activo/);
    await admin`update warehouses set active = false where id = ${t.warehouseId}`;
    await expect(owner.business.saveSettings(settings(t.warehouseId))).rejects.toThrow(/depósito activo/);
    await expect(owner.business.saveSettings(settings(kitchen, { timezone: "Europe/Madrid" as never }))).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await owner.business.settings()).defaultWarehouseId).toBe(kitchen);

    const manager = await addMember(t.tenantId, "MANAGER");
    await expect(callerFor(manager.userId, t.slug).business.settings()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(manager.userId, t.slug).business.saveSettings(settings(kitchen))).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("the checklist ticks itself from real data and can be dismissed", async () => {
    const t = await makeTenant();
    const owner = callerFor(t.ownerId, t.slug);
    const done = async () => Object.fromEntries((await owner.business.firstSteps()).steps.map((s) => [s.key, s.done]));
    // A new business already has its register (created with it).
    expect(await done()).toEqual({ business: false, products: false, stock: false, register: true, sale: false, invoicing: false });
    await owner.business.saveSettings(settings(t.warehouseId));
    const p = await makeProduct(t.tenantId);
    expect(await done()).toMatchObject({ business: true, products: true, stock: false });
    await addStock(t.tenantId, p, t.warehouseId, "3");
    expect(await done()).toMatchObject({ stock: true });
    expect((await owner.business.firstSteps()).dismissed).toBe(false);
    await owner.business.dismissFirstSteps();
    expect((await owner.business.firstSteps()).dismissed).toBe(true);
  });
});
