/**
 * After `next build`: completes the standalone output (`<distDir>/standalone`) with what Next
 * leaves out of it: the static assets (`<distDir>/static`), `public/`, and the migration files the
 * readiness check compares with the database (`prisma/migrations`). The result runs on its own
 * (scripts/serve.mjs, the Dockerfile) without the repository.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
const standalone = path.join(root, distDir, "standalone");
if (!fs.existsSync(path.join(standalone, "server.js"))) {
  console.error(`[standalone] ${path.relative(root, standalone)}/server.js is missing: is output "standalone" set in next.config.js?`);
  process.exit(1);
}
const copies = [
  [path.join(root, distDir, "static"), path.join(standalone, distDir, "static")],
  [path.join(root, "public"), path.join(standalone, "public")],
  [path.join(root, "prisma", "migrations"), path.join(standalone, "prisma", "migrations")],
];
for (const [from, to] of copies) {
  if (!fs.existsSync(from)) continue;
  fs.rmSync(to, { recursive: true, force: true });
  fs.cpSync(from, to, { recursive: true });
}
console.log(`[standalone] ${path.relative(root, standalone)}: static files, public/ and prisma/migrations copied`);
