import "server-only";
import { router, createCallerFactory } from "./trpc";
import { tenancyRouter } from "./routers/tenancy";
import { inventoryRouter } from "./routers/inventory";
import { fiscalRouter } from "./routers/fiscal";
import { purchasingRouter } from "./routers/purchasing";

// One line per area router.
export const appRouter = router({
  tenancy: tenancyRouter,
  inventory: inventoryRouter,
  fiscal: fiscalRouter,
  purchasing: purchasingRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
