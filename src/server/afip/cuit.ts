// Moved to src/lib/cuit.ts (client-safe, one implementation); kept so older imports resolve.
export * from "@/lib/cuit";
