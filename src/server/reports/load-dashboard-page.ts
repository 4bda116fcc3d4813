import "server-only";
import { withTenant } from "../db/with-tenant";
import { businessClock } from "./common";
import { getDashboard } from "./get-dashboard";

/**
 * The home page's dashboard in one tenant transaction: the business's "today", the period the
 * page picked from it, and the figures. Pages never open transactions themselves.
 */
export async function loadDashboardPage<P extends { from: string; to: string }, R extends { period: P }>(
  tenantId: string,
  userId: string,
  pick: (today: string) => R,
) {
  return withTenant(
    tenantId,
    async (tx) => {
      const { today } = await businessClock(tx);
      const picked = pick(today);
      return { today, ...picked, data: await getDashboard(tx, picked.period) };
    },
    { userId },
  );
}
