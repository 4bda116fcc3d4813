import { z } from "zod";
// The Spanish locale alone: `z.locales.es()` kept every one of zod's ~50 locales in the browser
// bundle every page loads (Lighthouse: script evaluation on each page).
import es from "zod/v4/locales/es.js";
import { plural } from "./plural";

// zod's messages in Spanish for every schema that does not bring its own (server and browser
// both load this once, through lib/trpc and the shared decimal schemas). The most common
// ones are phrased as the rest of the app speaks (voseo, "Máximo 40 caracteres"); the rest come
// from zod's own Spanish locale.
z.config(es());
z.config({
  customError: (issue) => {
    if (issue.code === "too_small" && issue.origin === "string") {
      return Number(issue.minimum) <= 1 ? "Completá este campo" : `Ingresá al menos ${plural(Number(issue.minimum), "carácter", "caracteres")}`;
    }
    if (issue.code === "too_big" && issue.origin === "string") return `Máximo ${plural(Number(issue.maximum), "carácter", "caracteres")}`;
    if (issue.code === "too_big" && issue.origin === "array") return `Máximo ${plural(Number(issue.maximum), "elemento")}`;
    if (issue.code === "invalid_format" && issue.format === "email") return "E-mail inválido";
    if (issue.code === "invalid_format" && (issue.format === "uuid" || issue.format === "guid")) return "Identificador inválido";
    if (issue.code === "invalid_format" && issue.format === "date") return "Fecha inválida (dd/mm/aaaa)";
    if (issue.code === "invalid_type" && issue.input === undefined) return "Completá este campo";
    return undefined;
  },
});

export { z };
