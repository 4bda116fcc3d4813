import { describe, expect, it } from "vitest";
import { z } from "./zod-es";

describe("zod speaks Spanish for schemas without their own messages", () => {
  const schema = z.object({ name: z.string().min(2).max(5), email: z.email(), id: z.uuid(), count: z.number(), day: z.iso.date(), tags: z.array(z.string()).max(1) });
  it("phrases the common cases as the app does, the rest through zod's Spanish locale", () => {
    const r = schema.safeParse({ name: "x", email: "no", id: "1", count: "s", day: "31/12/2026", tags: ["a", "b"] });
    expect(Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]))).toEqual({
      name: "Ingresá al menos 2 caracteres",
      email: "E-mail inválido",
      id: "Identificador inválido",
      count: "Entrada inválida: se esperaba número, recibido texto",
      day: "Fecha inválida (dd/mm/aaaa)",
      tags: "Máximo 1 elemento",
    });
    expect(schema.shape.name.safeParse("abcdefg").error!.issues[0]!.message).toBe("Máximo 5 caracteres");
    expect(z.object({ a: z.string() }).safeParse({}).error!.issues[0]!.message).toBe("Completá este campo");
  });
  it("never overrides a schema's own message", () => {
    expect(z.string().min(3, "Ingresá el SKU").safeParse("").error!.issues[0]!.message).toBe("Ingresá el SKU");
  });
});
