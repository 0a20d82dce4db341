import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { integrationWorkers } from "./tests/support/workers";

const root = path.dirname(fileURLToPath(import.meta.url));

/** Integration files that assert on elapsed time: they run alone (project "integration-timed"). */
const TIMED = [
  "tests/integration/upload-hardening.test.ts",
  "tests/integration/login-rate-limit.test.ts",
  "tests/integration/catalogue-import.test.ts",
  "tests/integration/outcomes-scale.test.ts",
  "tests/integration/mail-outbox.test.ts",
];

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
          exclude: TIMED,
          // One database per worker (tests/integration/global-setup.ts): a worker runs its files one
          // after another, so tests that truncate tables never wipe another file's data.
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/support/integration-env.ts"],
          pool: "forks",
          isolate: false,
          fileParallelism: integrationWorkers() > 1,
          maxWorkers: integrationWorkers(),
          testTimeout: 30_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          // The files that measure time (a refusal within 2 s, an event loop never held 100 ms, a
          // lockout of 400 ms): alone, after the others, so no other test file shares the cores.
          name: "integration-timed",
          environment: "node",
          include: TIMED,
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/support/integration-env.ts"],
          pool: "forks",
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 30_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
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
