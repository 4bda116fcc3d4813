import { serve } from "inngest/next";
import type { NextRequest } from "next/server";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { describeFunctions } from "@/inngest/functions/describe";
import { inngestRefusal } from "@/server/http/inngest-guard";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handler = serve({ client: inngest, functions });

/** Inngest's introspection, plus the list of functions and triggers (for humans and health checks). */
export async function GET(req: NextRequest, ctx: unknown) {
  const refused = inngestRefusal(req);
  if (refused) return refused;
  const res = await handler.GET(req, ctx);
  if (res.status !== 200) return res;
  const body = (await res.json()) as Record<string, unknown>;
  return Response.json({ ...body, functions: describeFunctions() }, { headers: { "cache-control": "no-store" } });
}

/** Runs a function (POST) or registers them (PUT): signed calls only, or local ones without a key. */
export async function POST(req: NextRequest, ctx: unknown) {
  return inngestRefusal(req) ?? handler.POST(req, ctx);
}
export async function PUT(req: NextRequest, ctx: unknown) {
  return inngestRefusal(req) ?? handler.PUT(req, ctx);
}
