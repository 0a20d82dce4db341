import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The unit tests of lib/ for Stryker (`npm run test:mutation`): the same aliases as
 * vitest.config.mts, without its projects (Stryker's Vitest runner drives one project) and without
 * the integration suite, which needs Postgres and is far too slow to run once per mutant.
 */
const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: path.join(root, "tests", "support", "empty.ts") },
    ],
  },
  test: {
    name: "mutation",
    environment: "node",
    include: ["lib/**/*.test.ts"],
  },
});
