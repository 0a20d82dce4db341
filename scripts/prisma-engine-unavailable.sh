#!/bin/sh
# Prisma's schema engine cannot be downloaded on these machines (no internet except the npm
# registry). `prisma generate` only needs PRISMA_SCHEMA_ENGINE_BINARY to name an existing file;
# it never runs it. If anything does run it, say so loudly instead of failing mysteriously.
echo "rightsbridge: the Prisma schema engine is not available here." >&2
echo "Use 'npm run db:migrate' (our SQL migration runner) instead of 'prisma migrate' or 'prisma db push'." >&2
exit 1
