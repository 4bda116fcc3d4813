import "server-only";
import { router, createCallerFactory } from "./trpc";
import { tenancyRouter } from "./routers/tenancy";
import { purchasingRouter } from "./routers/purchasing";
import { fiscalRouter } from "./routers/fiscal";

// One line per area router.
export const appRouter = router({
  tenancy: tenancyRouter,
  purchasing: purchasingRouter,
  fiscal: fiscalRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
