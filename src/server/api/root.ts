import "server-only";
import { router, createCallerFactory } from "./trpc";
import { tenancyRouter } from "./routers/tenancy";
import { posRouter } from "./routers/pos";
import { fiscalRouter } from "./routers/fiscal";

// One line per area router.
export const appRouter = router({
  tenancy: tenancyRouter,
  pos: posRouter,
  fiscal: fiscalRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
