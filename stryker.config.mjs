// @ts-check
/**
 * Mutation testing of the money and rights rules (`npm run test:mutation`; not in CI, too slow).
 * Stryker changes one operator, condition or literal at a time in the files below and runs the
 * unit tests that cover it; a mutant that no test notices "survives" and points at a missing or
 * weak assertion. Scores and how to run one file: bench/README.md, "Mutation testing".
 *
 * @type {import("@stryker-mutator/api/core").PartialStrykerOptions}
 */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.stryker.config.mts", related: true },
  plugins: ["@stryker-mutator/vitest-runner"],
  coverageAnalysis: "perTest",
  mutate: [
    "lib/money/money.ts",
    "lib/fx/rules.ts",
    "lib/facility/rules.ts",
    "lib/statements/rules.ts",
    "lib/statements/waterfall.ts",
    "lib/statements/explain.ts",
    "lib/outcomes/rules.ts",
    "lib/deals/terms.ts",
    "lib/deals/rules.ts",
    "lib/edits/rules.ts",
  ],
  // Two shared cores: one mutant at a time per core at most; reruns only test what changed.
  concurrency: 2,
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  timeoutMS: 10_000,
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 95, low: 90, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
