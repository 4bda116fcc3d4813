import "server-only";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import type { TRPCDefaultErrorShape as DefaultErrorShape } from "@trpc/server";
import { z, ZodError } from "zod";
import { AppError, appErrorFromDatabase, type AppErrorCode } from "../errors/app-error";

// How errors leave tRPC: a domain AppError keeps its code (as `data.appCode`), status and
// Spanish message; a zod error comes out flattened per field; anything else is a generic
// Spanish message without its text, SQL or stack.

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
    // A database refusal (unknown id → FK, unique, check, bad format) is the caller's mistake: typed 4xx.
    const db = e.code === "INTERNAL_SERVER_ERROR" ? appErrorFromDatabase(e.cause) : null;
    return db ? toTRPCError(db) : e;
  }
  if (e instanceof AppError) return new TRPCError({ code: APP_TO_TRPC[e.code], message: e.message, cause: e });
  const fromDb = appErrorFromDatabase(e);
  if (fromDb) return new TRPCError({ code: APP_TO_TRPC[fromDb.code], message: fromDb.message, cause: fromDb });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Ocurrió un error inesperado.", cause: e instanceof Error ? e : undefined });
}

export const INTERNAL_MESSAGE = "Ocurrió un error inesperado. Probá de nuevo en unos segundos.";
export const VALIDATION_MESSAGE = "Revisá los datos marcados.";

export function errorFormatter({ shape, error }: { shape: DefaultErrorShape; error: TRPCError }) {
  const cause = error.cause;
  const appError = cause instanceof AppError ? cause : null;
  const zodError = cause instanceof ZodError ? z.flattenError(cause) : null;
  const { stack: _stack, ...data } = shape.data;
  return {
    ...shape,
    message: error.code === "INTERNAL_SERVER_ERROR" ? INTERNAL_MESSAGE : zodError ? VALIDATION_MESSAGE : shape.message,
    data: {
      ...data,
      appCode: appError?.code ?? null,
      details: appError?.details ?? null,
      fieldErrors: zodError?.fieldErrors ?? null,
    },
  };
}
