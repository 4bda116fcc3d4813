import "server-only";
import { router, createCallerFactory } from "./trpc";
import { tenancyRouter } from "./routers/tenancy";

// One line per area router.
export const appRouter = router({
  tenancy: tenancyRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
