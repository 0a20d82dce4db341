# syntax=docker/dockerfile:1
# Rightsbridge images, built from one Dockerfile (see docs/DEPLOY.md):
#   target "app"   – the web server: Next's standalone output run by scripts/serve.mjs, non-root.
#   target "tools" – the full project for `npm run worker`, `npm run db:migrate`, `npm run db:seed`,
#                    `npm run db:backup|db:restore` and `npm run jobs:run` (also non-root).

FROM node:20-bookworm-slim AS deps
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
# `npm ci` runs `prisma generate`, which needs the schema and its config.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts/prisma-engine-unavailable.sh ./scripts/
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build

# The worker, migrations, seed, backups: the whole project with its dependencies.
FROM node:20-bookworm-slim AS tools
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=build --chown=node:node /src /app
USER node
CMD ["npm", "run", "worker"]

# The web server: only the standalone output (server.js, traced node_modules, static files,
# migrations for the readiness check) and scripts/serve.mjs.
FROM node:20-bookworm-slim AS app
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
# Memory (bench/README.md, "Memory soak"): two malloc arenas instead of eight per core for the
# worker and libuv threads (argon2, zlib, the spreadsheet parsers), and a V8 heap that collects
# before it grows past 384 MB; together RSS stayed under 400 MB in the soak instead of 700 MB.
ENV MALLOC_ARENA_MAX=2 NODE_OPTIONS=--max-old-space-size=384
COPY --from=build --chown=node:node /src/.next/standalone ./
COPY --from=build --chown=node:node /src/scripts/serve.mjs ./scripts/serve.mjs
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains (up to 25 s): give the container more than that before SIGKILL.
STOPSIGNAL SIGTERM
CMD ["node", "scripts/serve.mjs"]
