import { describe, expect, it } from "vitest";
import { withTenant } from "../db/with-tenant";
import { adminSql, makeTenant } from "../../test/factories";
import { makeProduct } from "../../test/inventory";
import { calendarDateIn } from "@/lib/format";
import { receiveStock } from "./receive-stock";
import { listMovements } from "./list-movements";

// Two zones 25 hours apart always sit on different calendar days, whatever the clock says.
const EAST = "Pacific/Kiritimati"; // UTC+14
const WEST = "Pacific/Pago_Pago"; // UTC−11

async function setZone(tenantId: string, tz: string) {
  const admin = adminSql();
  try {
    await admin`update tenants set settings = settings || jsonb_build_object('timezone', ${tz}::text) where id = ${tenantId}`;
  } finally {
    await admin.end();
  }
}

describe("listMovements: Desde/Hasta are days of the business's time zone", () => {
  it("moves the day boundary with the business's zone setting", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId);
    await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "3", unitCost: "10" }, { userId: t.ownerId }));
    const now = new Date();
    const day = (tz: string) => calendarDateIn(now, tz);
    const found = (d: string) => withTenant(t.tenantId, (tx) => listMovements(tx, { productId: p, from: d, to: d })).then((r) => r.rows.length);

    await setZone(t.tenantId, EAST);
    expect(await found(day(EAST))).toBe(1);
    expect(await found(day(WEST))).toBe(0);

    await setZone(t.tenantId, WEST);
    expect(await found(day(WEST))).toBe(1);
    expect(await found(day(EAST))).toBe(0);
  });

  it("returns instants as ISO text in UTC, for the browser to show in the business's zone", async () => {
    const t = await makeTenant();
    const p = await makeProduct(t.tenantId);
    await withTenant(t.tenantId, (tx) => receiveStock(tx, { productId: p, warehouseId: t.warehouseId, quantity: "1", unitCost: "1" }, { userId: t.ownerId }));
    const { rows } = await withTenant(t.tenantId, (tx) => listMovements(tx, { productId: p }));
    expect(rows[0]!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
