// The role matrix moved to src/lib/permissions.ts (client-safe: the UI hides what a role
// cannot do). Append new permissions THERE; this re-export keeps server imports working.
export * from "@/lib/permissions";
