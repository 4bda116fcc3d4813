import { describe, expect, it } from "vitest";
import { callerFor } from "@/test/caller";
import { addMember, makeTenant } from "@/test/factories";
import { randomCuit } from "@/test/fiscal";
import { withTenant } from "@/server/db/with-tenant";
import { registers } from "@/server/db/schema/registers";

describe("fiscal router: onboarding and contingency permissions", () => {
  it("the owner generates the CSR (key never returned); a supervisor switches a register to CAEA; a cashier cannot", async () => {
    const t = await makeTenant();
    const owner = callerFor(t.ownerId, t.slug);
    await expect(owner.fiscal.generateCsr({})).rejects.toMatchObject({ message: "Primero guardá los datos fiscales (CUIT y razón social)" });
    const cuit = randomCuit("30");
    await owner.fiscal.saveSettings({ cuit, legalName: "Kiosco SRL", ivaCondition: "RESPONSABLE_INSCRIPTO", environment: "FAKE" });
    const csr = await owner.fiscal.generateCsr({ alias: "mostrador" });
    expect(csr.csrPem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
    expect(csr.fileName).toBe(`mostrador-${cuit}.csr`);
    const s = await owner.fiscal.settings();
    expect(s.settings!.pendingCsr!.pem).toBe(csr.csrPem);
    expect(JSON.stringify(s)).not.toContain("PRIVATE KEY");
    expect(JSON.stringify(s)).not.toContain("v1:");
    await expect(owner.fiscal.uploadCredentials({ certificatePem: "no soy un certificado" })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const [reg] = await withTenant(t.tenantId, (tx) => tx.select({ id: registers.id }).from(registers));
    const cashier = await addMember(t.tenantId, "CASHIER");
    const supervisor = await addMember(t.tenantId, "SUPERVISOR");
    await expect(callerFor(cashier.userId, t.slug).fiscal.setContingency({ registerId: reg!.id, on: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(supervisor.userId, t.slug).fiscal.generateCsr({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await callerFor(supervisor.userId, t.slug).fiscal.setContingency({ registerId: reg!.id, on: true, reason: "Sin internet" })).toEqual({ registerId: reg!.id, mode: "MANUAL" });
    await expect(callerFor(supervisor.userId, t.slug).fiscal.setContingency({ registerId: crypto.randomUUID(), on: true })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await callerFor(cashier.userId, t.slug).fiscal.registerPointOfSale({ registerId: reg!.id })).toMatchObject({ ok: true });
  });
});
