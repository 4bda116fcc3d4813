import "server-only";
import { router, createCallerFactory } from "./trpc";
import { tenancyRouter } from "./routers/tenancy";
import { posRouter } from "./routers/pos";

// One line per area router.
export const appRouter = router({
  tenancy: tenancyRouter,
  pos: posRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
