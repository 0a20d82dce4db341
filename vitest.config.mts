import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { integrationWorkers } from "./tests/support/workers";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Server modules guard themselves with `import "server-only"`, which throws outside React
      // server components; tests are server-side too, so the guard becomes a no-op here.
      { find: /^server-only$/, replacement: path.join(root, "tests", "support", "empty.ts") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "components/**/*.test.tsx"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          // One database per worker (tests/integration/global-setup.ts): a worker runs its files one
          // after another, so tests that truncate tables never wipe another file's data.
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/support/integration-env.ts"],
          pool: "forks",
          fileParallelism: integrationWorkers() > 1,
          maxWorkers: integrationWorkers(),
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // Production servers, workers and faults (tests/ops/harness.ts): slow, so a project of
          // their own, run by `npm test` after the integration tests and before Playwright.
          name: "ops",
          environment: "node",
          include: ["tests/ops/**/*.test.ts"],
          globalSetup: ["tests/ops/global-setup.ts"],
          pool: "forks",
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
