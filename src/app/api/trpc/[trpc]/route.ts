import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { refuseForeignBody, refuseLargeBatch } from "@/server/http/request-guard";

export const dynamic = "force-dynamic";

function handler(req: NextRequest) {
  const refused = refuseLargeBatch(req, "/api/trpc") ?? refuseForeignBody(req);
  if (refused) return refused;
  const requestId = req.headers.get("x-request-id") ?? randomUUID();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext(req, requestId),
    responseMeta: () => ({ headers: new Headers({ "x-request-id": requestId }) }),
  });
}

export { handler as GET, handler as POST };
