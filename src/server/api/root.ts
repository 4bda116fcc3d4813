import "server-only";
import { router, createCallerFactory } from "./trpc";
import { tenancyRouter } from "./routers/tenancy";
import { inventoryRouter } from "./routers/inventory";

// One line per area router.
export const appRouter = router({
  tenancy: tenancyRouter,
  inventory: inventoryRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
