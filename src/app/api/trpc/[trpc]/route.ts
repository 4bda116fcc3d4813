import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { refuseForeignBody, refuseLargeBatch } from "@/server/http/request-guard";
import { sizedResponse } from "@/server/http/sized-response";

export const dynamic = "force-dynamic";

async function handler(req: NextRequest) {
  const refused = refuseLargeBatch(req, "/api/trpc") ?? refuseForeignBody(req);
  if (refused) return refused;
  const requestId = req.headers.get("x-request-id") ?? randomUUID();
  // Answers are whole JSON documents (no streaming link): sized, so small ones go uncompressed.
  return sizedResponse(
    await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: () => createContext(req, requestId),
      responseMeta: () => ({ headers: new Headers({ "x-request-id": requestId }) }),
    }),
  );
}

export { handler as GET, handler as POST };
