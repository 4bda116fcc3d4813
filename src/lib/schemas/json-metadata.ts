import { z } from "zod";

// Free-form JSON (product metadata…): bounded in size and depth so nobody stores a megabyte
// or a structure nested thousands deep in a row every screen loads.
export const MAX_METADATA_BYTES = 8 * 1024;
export const MAX_METADATA_DEPTH = 5;

const depthOf = (v: unknown, d = 0): number => {
  if (d > MAX_METADATA_DEPTH + 1 || v === null || typeof v !== "object") return d;
  return Math.max(d + 1, ...Object.values(v as Record<string, unknown>).map((x) => depthOf(x, d + 1)));
};

export const ZJsonMetadata = z
  .record(z.string().max(100), z.unknown())
  .refine((v) => depthOf(v) <= MAX_METADATA_DEPTH, `Los datos adicionales pueden anidarse hasta ${MAX_METADATA_DEPTH} niveles`)
  .refine((v) => new TextEncoder().encode(JSON.stringify(v)).length <= MAX_METADATA_BYTES, "Los datos adicionales superan 8 KB");
