import { serve } from "inngest/next";
import type { NextRequest } from "next/server";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest/functions";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const handler = serve({ client: inngest, functions });
export const { POST, PUT } = handler;

/** The SDK's introspection, plus the list of functions with their triggers (ids, crons, events) for operators. */
export async function GET(req: NextRequest, ctx: unknown) {
  const res = await (handler.GET as (r: NextRequest, c: unknown) => Promise<Response>)(req, ctx);
  if (res.status !== 200) return res;
  const body = (await res.json()) as Record<string, unknown>;
  const list = functions.map((f) => ({
    id: f.id(inngest.id),
    name: f.name,
    triggers: (f.opts as { triggers?: unknown[] }).triggers ?? [],
  }));
  return Response.json({ ...body, functions: list }, { headers: { "Cache-Control": "no-store" } });
}
