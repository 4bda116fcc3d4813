import { inngest } from "../client";
import { functions } from "./index";

/** The functions this app serves, with their triggers and concurrency (ids as Inngest registers them). */
export const describeFunctions = () =>
  functions.map((f) => ({
    id: f.id(inngest.id),
    name: (f.opts as { name?: string }).name ?? null,
    triggers: (f.opts as { triggers?: unknown }).triggers ?? [],
    concurrency: (f.opts as { concurrency?: unknown }).concurrency ?? null,
  }));
