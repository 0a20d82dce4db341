/**
 * `npm run db:migrate`: applies pending SQL migrations to the database in DATABASE_URL (default:
 * the local server's `rightsbridge` database), creating that database first if it is missing.
 * Deliberately does not import lib/db/client.ts: migrating must not need the Prisma client.
 */
import { ensureDatabaseExists, migrate, redactUrl } from "../lib/db/migrate";
import { resolveDatabaseUrl } from "../lib/db/url";

async function main(): Promise<void> {
  const url = resolveDatabaseUrl();
  const target = redactUrl(url);
  try {
    if (await ensureDatabaseExists(url)) console.log(`Created database ${target}`);
  } catch (error) {
    throw new Error(
      `Cannot reach the database server for ${target}: ${error instanceof Error ? error.message : String(error)}. ` +
        "Set DATABASE_URL to a reachable PostgreSQL server, or run `npm start`, which starts an embedded one.",
      { cause: error },
    );
  }

  const { applied } = await migrate(url, { log: (msg) => console.log(msg) });
  console.log(
    applied.length === 0
      ? `${target} is up to date; no migrations to apply.`
      : `Applied ${applied.length} migration(s) to ${target}: ${applied.join(", ")}`,
  );
}

main().catch((error: unknown) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
