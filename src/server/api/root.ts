import "server-only";
import { router, createCallerFactory } from "./trpc";
import { tenancyRouter } from "./routers/tenancy";
import { fiscalRouter } from "./routers/fiscal";
import { posRouter } from "./routers/pos";
import { inventoryRouter } from "./routers/inventory";
import { purchasingRouter } from "./routers/purchasing";
import { countsRouter } from "./routers/counts";
import { reportsRouter } from "./routers/reports";
import { billingRouter } from "./routers/billing";
import { customersRouter } from "./routers/customers";
import { accountingRouter } from "./routers/accounting";
import { accountRouter } from "./routers/account";
import { notificationsRouter } from "./routers/notifications";
import { businessRouter } from "./routers/business";

// One line per area router.
export const appRouter = router({
  tenancy: tenancyRouter,
  fiscal: fiscalRouter,
  pos: posRouter,
  inventory: inventoryRouter,
  purchasing: purchasingRouter,
  counts: countsRouter,
  reports: reportsRouter,
  billing: billingRouter,
  customers: customersRouter,
  accounting: accountingRouter,
  account: accountRouter,
  notifications: notificationsRouter,
  business: businessRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
