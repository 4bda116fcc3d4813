import { defineConfig } from "drizzle-kit";

// Migrations are generated from the schema files and applied by `npm run db:migrate`
// (scripts/db.ts), which also applies the hand-written SQL in drizzle/sql/.
export default defineConfig({
  dialect: "postgresql",
  schema: "./src/server/db/schema/*.ts",
  out: "./drizzle",
  dbCredentials: { url: process.env.DATABASE_OWNER_URL ?? "postgres://localhost/mostrador" },
  casing: "snake_case",
});
