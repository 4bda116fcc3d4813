import { describe, expect, it } from "vitest";
import { addMember, makeTenant } from "@/test/factories";
import { ROLE_PERMISSIONS } from "@/lib/permissions";
import { resolvePageMembership } from "./page-membership";

describe("pages' one door (resolvePageMembership)", () => {
  it("a member gets the tenant, the role and exactly the role's permissions", async () => {
    const t = await makeTenant("Puerta SA");
    const cashier = await addMember(t.tenantId, "CASHIER");
    const r = await resolvePageMembership({ uid: cashier.userId, sv: 1 }, t.slug);
    expect(r.status).toBe("OK");
    if (r.status !== "OK") return;
    expect(r.tenant).toMatchObject({ id: t.tenantId, slug: t.slug, name: "Puerta SA" });
    expect(r.role).toBe("CASHIER");
    expect(new Set(r.permissions)).toEqual(ROLE_PERMISSIONS.CASHIER);
    expect(r.permissions).not.toContain("purchasing.read");
  });

  it("no session, a stale session version or another business are refused", async () => {
    const t = await makeTenant();
    const other = await makeTenant();
    expect(await resolvePageMembership(null, t.slug)).toEqual({ status: "UNAUTHENTICATED" });
    expect(await resolvePageMembership({ uid: t.ownerId, sv: 2 }, t.slug)).toEqual({ status: "UNAUTHENTICATED" });
    expect(await resolvePageMembership({ uid: t.ownerId, sv: 1 }, other.slug)).toEqual({ status: "NO_MEMBERSHIP" });
    expect(await resolvePageMembership({ uid: t.ownerId, sv: 1 }, "no-existe")).toEqual({ status: "NO_MEMBERSHIP" });
  });
});
