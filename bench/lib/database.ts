/**
 * Throw-away databases for benches: `rb_bench_<random>` on BENCH_DATABASE_URL's server (or the
 * local server on 127.0.0.1:5432), migrated with the app's migrations, dropped afterwards — also
 * when the bench fails or is interrupted with Ctrl-C.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDatabase, dropDatabase, migrate, redactUrl, withDatabaseName } from "@/lib/db/migrate";

const LOCAL_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** A connection string to an existing database on the bench server, used for CREATE/DROP DATABASE. */
export function benchAdminUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? LOCAL_SERVER_URL;
}

export type BenchDatabase = { name: string; url: string; server: string; serverVersion: string };

/**
 * Creates and migrates a fresh database, runs `fn` with it and drops it whatever happens (unless
 * `keep`, for investigating plans afterwards). SIGINT/SIGTERM during the run also drop it.
 */
export async function withBenchDatabase<T>(fn: (database: BenchDatabase) => Promise<T>, opts: { keep?: boolean } = {}): Promise<T> {
  const adminUrl = benchAdminUrl();
  const name = `rb_bench_${randomBytes(6).toString("hex")}`;
  const url = withDatabaseName(adminUrl, name);
  const server = redactUrl(adminUrl).replace(/\/[^/]*$/, "");
  try {
    await createDatabase(adminUrl, name);
  } catch (error) {
    throw new Error(
      `Cannot create a bench database on ${server}: ${error instanceof Error ? error.message : String(error)}. ` +
        "Set BENCH_DATABASE_URL to a PostgreSQL server where this user may CREATE DATABASE.",
      { cause: error },
    );
  }
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await dropDatabase(adminUrl, name);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: dropping ${name}`);
    drop().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    await migrate(url);
    const serverVersion = await queryOne<{ v: string }>(url, "SELECT current_setting('server_version') AS v").then((r) => r.v);
    return await fn({ name, url, server, serverVersion });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (opts.keep)
      console.log(`kept database ${name} for investigation: ${redactUrl(url)} (drop it with: psql ... -c 'DROP DATABASE ${name}')`);
    else await drop().catch((error: unknown) => console.error(`could not drop bench database ${name}:`, error));
  }
}

async function queryOne<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<R>(sql);
    if (!rows[0]) throw new Error(`no row from ${sql}`);
    return rows[0];
  } finally {
    await client.end();
  }
}
