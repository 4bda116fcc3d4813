import { withTenant } from "@/server/db/with-tenant";
import { can } from "@/lib/permissions";
import { listRegistersWithSessions } from "@/server/cash/current-cash-session";
import { noStoreJson, posRoute } from "@/server/offline/pos-route";
import type { PosContext } from "@/pos/types";

export const dynamic = "force-dynamic";

/** GET /api/pos/<slug>/context → who sells, the registers and their open sessions (kept offline by the register). */
export const GET = posRoute("pos.sell", async (_req, auth) => {
  const rows = await withTenant(auth.tenant.id, (tx) => listRegistersWithSessions(tx), { userId: auth.user.id });
  const body: PosContext = {
    tenant: { slug: auth.tenant.slug, name: auth.tenant.name },
    user: { id: auth.user.id, name: auth.user.name },
    role: auth.role,
    canReview: can(auth.role, "cash.review"),
    registers: rows.map((r) => ({
      id: r.register_id,
      name: r.register_name,
      cashSessionId: r.cash_session_id,
      openedBy: r.opened_by,
      openedByName: r.opened_by_name,
    })),
    fetchedAt: new Date().toISOString(),
  };
  return noStoreJson(body);
});
