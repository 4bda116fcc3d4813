import "server-only";
// zod speaks Spanish for every schema without its own messages (side effect, once per process).
import "@/lib/zod-es";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { AppError, appErrorFromDatabase } from "../errors/app-error";
import { errorFormatter, toTRPCError } from "./error-formatter";
import { withSessionMembership, type Membership } from "../db/with-tenant";
import type { Tx } from "../db/client";
import { loadSessionUser, type SessionUser } from "../auth/session-user";
import { decodeSessionJwt } from "../auth/session-jwt";
import { can, type Permission } from "@/lib/permissions";
import { env } from "../env";
import { clientIp } from "../http/client-ip";
import { log } from "../log";
import { inSpan } from "../telemetry/tracing";

export type Context = {
  requestId: string;
  tenantSlug: string | null;
  ip: string;
  token: { uid: string; sv: number; sid?: string | null } | null;
};

export async function createContext(req: NextRequest, requestId: string): Promise<Context> {
  const jwt = await getToken({ req, secret: env().NEXTAUTH_SECRET, decode: decodeSessionJwt });
  const uid = typeof jwt?.uid === "string" ? jwt.uid : null;
  return {
    requestId,
    tenantSlug: req.headers.get("x-tenant-slug"),
    ip: clientIp(req.headers),
    token: uid ? { uid, sv: Number(jwt?.sv ?? 1), sid: typeof jwt?.sid === "string" ? jwt.sid : null } : null,
  };
}

export { toTRPCError };

/** Procedure metadata: the permission a procedure requires (read by the role-matrix sweep test). */
export type ProcedureMeta = { permission?: Permission };

const t = initTRPC.context<Context>().meta<ProcedureMeta>().create({
  transformer: superjson,
  errorFormatter,
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const logged = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  // One span per procedure; the transaction and its statements nest under it.
  const result = await inSpan(`trpc ${path}`, { "rpc.system": "trpc", "rpc.method": path, "mostrador.request_id": ctx.requestId }, () => next());
  const ms = Math.round((performance.now() - started) * 10) / 10;
  if (result.ok) log.info({ requestId: ctx.requestId, path, type, ms }, "trpc ok");
  else {
    const level = result.error.code === "INTERNAL_SERVER_ERROR" ? "error" : "info";
    log[level]({ requestId: ctx.requestId, path, type, ms, code: result.error.code, err: level === "error" ? result.error.cause : undefined }, "trpc error");
  }
  return result;
});

/** Converts domain errors from procedures that are not tenant-scoped (sign-up…). */
const appErrors = t.middleware(async ({ next }) => {
  const res = await next();
  if (!res.ok && res.error.cause instanceof AppError) throw toTRPCError(res.error.cause);
  if (!res.ok && res.error.code === "INTERNAL_SERVER_ERROR" && appErrorFromDatabase(res.error.cause)) throw toTRPCError(res.error);
  return res;
});

export const publicProcedure = t.procedure.use(logged).use(appErrors);

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.token) throw new TRPCError({ code: "UNAUTHORIZED", message: "Tu sesión terminó. Ingresá de nuevo." });
  const user = await loadSessionUser(ctx.token.uid, ctx.token.sv, ctx.token.sid);
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Tu sesión terminó. Ingresá de nuevo." });
  return next({ ctx: { ...ctx, user } });
});

export type TenantContext = Context & {
  user: SessionUser;
  tx: Tx;
  tenant: Membership["tenant"];
  role: Membership["role"];
  /** Runs after the procedure's transaction commits (e.g. send an Inngest event). */
  afterCommit: (fn: () => Promise<unknown> | unknown) => void;
};

/**
 * Membership required. One transaction checks the session's user, resolves the tenant from
 * the URL's slug header and the membership, and runs the whole procedure (RLS scoped to the
 * tenant). An error rolls everything back; afterCommit hooks run only after the commit.
 */
export const tenantProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.token) throw new TRPCError({ code: "UNAUTHORIZED", message: "Tu sesión terminó. Ingresá de nuevo." });
  if (!ctx.tenantSlug) throw new TRPCError({ code: "BAD_REQUEST", message: "Falta el negocio." });
  const hooks: (() => Promise<unknown> | unknown)[] = [];
  let outcome: Awaited<ReturnType<typeof next>> | undefined;
  try {
    const r = await withSessionMembership({ userId: ctx.token.uid, sessionVersion: ctx.token.sv, sessionId: ctx.token.sid }, ctx.tenantSlug, async (tx, user, m) => {
      // A deadlock/serialization failure reruns this callback in a new transaction: start clean.
      hooks.length = 0;
      outcome = undefined;
      const res = await next({
        ctx: {
          ...ctx,
          user,
          tx,
          tenant: m.tenant,
          role: m.role,
          afterCommit: (fn: () => Promise<unknown> | unknown) => void hooks.push(fn),
        },
      });
      outcome = res;
      if (!res.ok) throw res.error; // roll back
      return res;
    });
    if (r.status === "UNAUTHENTICATED") throw new TRPCError({ code: "UNAUTHORIZED", message: "Tu sesión terminó. Ingresá de nuevo." });
    if (r.status === "NO_MEMBERSHIP") throw new TRPCError({ code: "NOT_FOUND", message: "No tenés acceso a ese negocio." });
    for (const hook of hooks) {
      try {
        await hook();
      } catch (e) {
        // The data is committed; a failed follow-up (e.g. event send) is picked up by sweeps.
        log.error({ requestId: ctx.requestId, err: e }, "afterCommit hook failed");
      }
    }
    return r.value;
  } catch (e) {
    if (outcome && !outcome.ok) throw toTRPCError(outcome.error);
    throw toTRPCError(e);
  }
});

export const permissionProcedure = (permission: Permission) =>
  tenantProcedure.meta({ permission }).use(({ ctx, next }) => {
    if (!can(ctx.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Tu rol no permite esta acción." });
    }
    return next();
  });
