import path from "node:path";
import { defineConfig } from "prisma/config";

// The schema engine is never downloaded here; `prisma generate` only needs the variable to point
// at an existing file. Migrations are applied by `npm run db:migrate` (lib/db/migrate.ts).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, "scripts", "prisma-engine-unavailable.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/rightsbridge" },
});
