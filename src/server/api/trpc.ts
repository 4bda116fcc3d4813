import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { getToken } from "next-auth/jwt";
import type { NextRequest } from "next/server";
import { AppError, type AppErrorCode } from "../errors/app-error";
import { withSessionMembership, type Membership } from "../db/with-tenant";
import type { Tx } from "../db/client";
import { loadSessionUser, type SessionUser } from "../auth/session-user";
import { can, type Permission } from "../auth/permissions";
import { env } from "../env";
import { log } from "../log";

export type Context = {
  requestId: string;
  tenantSlug: string | null;
  ip: string;
  token: { uid: string; sv: number } | null;
};

export async function createContext(req: NextRequest, requestId: string): Promise<Context> {
  const jwt = await getToken({ req, secret: env().NEXTAUTH_SECRET });
  const uid = typeof jwt?.uid === "string" ? jwt.uid : null;
  return {
    requestId,
    tenantSlug: req.headers.get("x-tenant-slug"),
    ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? "local",
    token: uid ? { uid, sv: Number(jwt?.sv ?? 1) } : null,
  };
}

const APP_TO_TRPC: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
  INSUFFICIENT_STOCK: "CONFLICT",
  INVALID_STATE: "PRECONDITION_FAILED",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  EXTERNAL: "BAD_GATEWAY",
};

/** AppError → TRPCError with the right status; anything else stays INTERNAL with a generic message. */
export function toTRPCError(e: unknown): TRPCError {
  if (e instanceof TRPCError) {
    if (e.cause instanceof AppError) return toTRPCError(e.cause);
    return e;
  }
  if (e instanceof AppError) return new TRPCError({ code: APP_TO_TRPC[e.code], message: e.message, cause: e });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Ocurrió un error inesperado.", cause: e instanceof Error ? e : undefined });
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const appError = cause instanceof AppError ? cause : null;
    const zodError = cause instanceof ZodError ? z.flattenError(cause) : null;
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      // Internal errors never reach the client with their text, SQL or stack.
      message:
        error.code === "INTERNAL_SERVER_ERROR"
          ? "Ocurrió un error inesperado. Probá de nuevo en unos segundos."
          : zodError
            ? "Revisá los datos marcados."
            : shape.message,
      data: {
        ...data,
        appCode: appError?.code ?? null,
        details: appError?.details ?? null,
        fieldErrors: zodError?.fieldErrors ?? null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const logged = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  const result = await next();
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
  return res;
});

export const publicProcedure = t.procedure.use(logged).use(appErrors);

export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  if (!ctx.token) throw new TRPCError({ code: "UNAUTHORIZED", message: "Tu sesión terminó. Ingresá de nuevo." });
  const user = await loadSessionUser(ctx.token.uid, ctx.token.sv);
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
    const r = await withSessionMembership({ userId: ctx.token.uid, sessionVersion: ctx.token.sv }, ctx.tenantSlug, async (tx, user, m) => {
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
  tenantProcedure.use(({ ctx, next }) => {
    if (!can(ctx.role, permission)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "Tu rol no permite esta acción." });
    }
    return next();
  });
