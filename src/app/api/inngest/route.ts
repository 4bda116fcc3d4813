import { serve } from "inngest/next";
import type { NextRequest } from "next/server";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";
import { describeFunctions } from "@/inngest/functions/describe";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handler = serve({ client: inngest, functions });

/** Inngest's introspection, plus the list of functions and triggers (for humans and health checks). */
export async function GET(req: NextRequest, ctx: unknown) {
  const res = await handler.GET(req, ctx);
  if (res.status !== 200) return res;
  const body = (await res.json()) as Record<string, unknown>;
  return Response.json({ ...body, functions: describeFunctions() }, { headers: { "cache-control": "no-store" } });
}

export const { POST, PUT } = handler;
