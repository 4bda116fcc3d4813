import "server-only";
import { router, createCallerFactory } from "./trpc";
import { tenancyRouter } from "./routers/tenancy";
import { fiscalRouter } from "./routers/fiscal";
import { posRouter } from "./routers/pos";
import { inventoryRouter } from "./routers/inventory";
import { purchasingRouter } from "./routers/purchasing";
import { countsRouter } from "./routers/counts";

// One line per area router.
export const appRouter = router({
  tenancy: tenancyRouter,
  fiscal: fiscalRouter,
  pos: posRouter,
  inventory: inventoryRouter,
  purchasing: purchasingRouter,
  counts: countsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
