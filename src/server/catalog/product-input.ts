// Moved to src/lib/schemas/product.ts (shared by the product form and the services).
export * from "@/lib/schemas/product";
