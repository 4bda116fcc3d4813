import "server-only";
import type { NextRequest } from "next/server";
import type { Permission } from "@/lib/permissions";
import { isAppError } from "../errors/app-error";
import { authorizePosRequest, jsonError, type PosRequestAuth } from "./pos-request";

type RouteContext = { params: Promise<{ slug: string }> };

/**
 * The one wrapper for the offline POS route handlers under app/api/pos/[slug]: session,
 * membership and permission first (401/404/403 as JSON), then the handler; a domain error
 * becomes a 400 `{ error: { code, message } }` instead of a 500.
 */
export function posRoute(permission: Permission, handler: (req: NextRequest, auth: PosRequestAuth) => Promise<Response>) {
  return async (req: NextRequest, ctx: RouteContext): Promise<Response> => {
    const { slug } = await ctx.params;
    const auth = await authorizePosRequest(req, slug, permission);
    if (auth instanceof Response) return auth;
    try {
      return await handler(req, auth);
    } catch (e) {
      if (isAppError(e)) return jsonError(400, e.code, e.message);
      throw e;
    }
  };
}

/** A JSON response the service worker and browsers never cache. */
export const noStoreJson = (body: unknown) => Response.json(body, { headers: { "cache-control": "no-store" } });
