// The code tables moved to src/lib/afip-codes.ts (plain data the UI needs too); this keeps
// server imports working. Add new codes there.
export * from "@/lib/afip-codes";
