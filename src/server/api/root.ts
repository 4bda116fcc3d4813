import "server-only";
import { router, createCallerFactory } from "./trpc";
import { tenancyRouter } from "./routers/tenancy";
import { inventoryRouter } from "./routers/inventory";
import { fiscalRouter } from "./routers/fiscal";
import { posRouter } from "./routers/pos";

// One line per area router.
export const appRouter = router({
  tenancy: tenancyRouter,
  inventory: inventoryRouter,
  fiscal: fiscalRouter,
  pos: posRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
