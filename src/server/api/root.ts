import "server-only";
import { router, createCallerFactory } from "./trpc";
import { tenancyRouter } from "./routers/tenancy";
import { fiscalRouter } from "./routers/fiscal";
import { posRouter } from "./routers/pos";
import { inventoryRouter } from "./routers/inventory";
import { purchasingRouter } from "./routers/purchasing";
import { countsRouter } from "./routers/counts";
import { reportsRouter } from "./routers/reports";
import { accountingRouter } from "./routers/accounting";
import { accountRouter } from "./routers/account";

// One line per area router.
export const appRouter = router({
  tenancy: tenancyRouter,
  fiscal: fiscalRouter,
  pos: posRouter,
  inventory: inventoryRouter,
  purchasing: purchasingRouter,
  counts: countsRouter,
  reports: reportsRouter,
  accounting: accountingRouter,
  account: accountRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
