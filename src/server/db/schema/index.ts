// The full schema for the Drizzle client's relational queries. One file per domain.
export * from "./tenancy";
export * from "./warehouses";
export * from "./registers";
export * from "./inventory";
export * from "./fiscal";
export * from "./pos";
export * from "./offline";
export * from "./purchasing";
export * from "./security";
export * from "./caea";
export * from "./counts";
export * from "./reports";
export * from "./billing";
export * from "./accounting";
