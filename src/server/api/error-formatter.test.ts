import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { errorFormatter, INTERNAL_MESSAGE, toTRPCError, VALIDATION_MESSAGE } from "./error-formatter";

const shapeOf = (error: TRPCError) =>
  errorFormatter({
    error,
    shape: { message: error.message, code: -32600, data: { code: error.code, httpStatus: 400, path: "x.y", stack: "Error: at secret.ts:1" } },
  });

describe("tRPC error formatter", () => {
  it("an AppError keeps its code, status and Spanish message; no stack leaves", () => {
    const e = toTRPCError(new AppError("INSUFFICIENT_STOCK", "No hay stock suficiente.", { productId: "p1" }));
    expect(e.code).toBe("CONFLICT");
    const shape = shapeOf(e);
    expect(shape.message).toBe("No hay stock suficiente.");
    expect(shape.data).toMatchObject({ appCode: "INSUFFICIENT_STOCK", details: { productId: "p1" }, fieldErrors: null });
    expect(shape.data).not.toHaveProperty("stack");
  });

  it("a zod error comes out flattened per field with a generic Spanish message", () => {
    const r = z.object({ name: z.string().min(2, "Ingresá el nombre") }).safeParse({ name: "" });
    const e = new TRPCError({ code: "BAD_REQUEST", cause: r.error });
    const shape = shapeOf(e);
    expect(shape.message).toBe(VALIDATION_MESSAGE);
    expect(shape.data.fieldErrors).toEqual({ name: ["Ingresá el nombre"] });
  });

  it("anything else is INTERNAL with a generic message: no SQL, no text of the cause", () => {
    const e = toTRPCError(new Error('relation "secret_table" does not exist'));
    expect(e.code).toBe("INTERNAL_SERVER_ERROR");
    const shape = shapeOf(e);
    expect(shape.message).toBe(INTERNAL_MESSAGE);
    expect(JSON.stringify(shape)).not.toMatch(/secret/);
  });

  it("every AppError code maps to a tRPC status", () => {
    for (const code of ["VALIDATION", "NOT_FOUND", "UNAUTHENTICATED", "FORBIDDEN", "CONFLICT", "INSUFFICIENT_STOCK", "INVALID_STATE", "RATE_LIMITED", "EXTERNAL"] as const) {
      expect(toTRPCError(new AppError(code, "x")).code).not.toBe("INTERNAL_SERVER_ERROR");
    }
  });
});
