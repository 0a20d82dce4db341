/**
 * Applies prisma/migrations/<timestamp>_<name>/migration.sql the way `prisma migrate deploy` does,
 * because Prisma's schema engine cannot be downloaded everywhere this app runs. The bookkeeping in
 * `_prisma_migrations` is identical to Prisma's (same DDL, uuid v4 ids, SHA-256 hex checksums,
 * started_at / finished_at / applied_steps_count), so the real `prisma migrate` can take over a
 * database migrated here and vice versa.
 *
 * Plain Node + pg on purpose: it runs from the CLI, from the embedded-Postgres starter and from the
 * test harness, none of which may load Next or "server-only" modules.
 */
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

/** The key Prisma's schema engine locks, so this runner and `prisma migrate` exclude each other. */
export const PRISMA_ADVISORY_LOCK_KEY = 72707369;
/** Prisma gives up on the lock after 10 s; a runner stuck behind a hung one should fail, not hang. */
const LOCK_TIMEOUT_MS = 10_000;

/** ./prisma/migrations of the working directory: every entry point runs from the repository root. */
export function defaultMigrationsDir(): string {
  return path.join(process.cwd(), "prisma", "migrations");
}

// Prisma's DDL, byte for byte (sql-schema-connector, postgres flavour `create_migrations_table`).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

export interface MigrateOptions {
  /** Folder holding `<timestamp>_<name>/migration.sql`; defaults to ./prisma/migrations. */
  migrationsDir?: string;
  log?: (msg: string) => void;
}

export interface MigrationFile {
  name: string;
  script: string;
  checksum: string;
}

interface MigrationRow {
  id: string;
  checksum: string;
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
  logs: string | null;
}

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Prisma also accepts the checksum of the script with its line endings flipped, because git may
 * check a migration out with CRLF on Windows; a line-ending change is not an edit.
 */
function matchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\r\n", "\n").replaceAll("\n", "\r\n")];
  return variants.some((variant) => sha256Hex(variant) === checksum);
}

/** The migrations on disk, in the order Prisma applies them (directory name). */
export async function readMigrations(migrationsDir: string = defaultMigrationsDir()): Promise<MigrationFile[]> {
  // turbopackIgnore: the readiness check reads the migrations at run time (the standalone build gets
  // them from scripts/standalone-assets.mjs); tracing a run-time path would copy the whole project.
  const entries = await readdir(/*turbopackIgnore: true*/ migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(/*turbopackIgnore: true*/ migrationsDir, name, "migration.sql");
      const script = await readFile(/*turbopackIgnore: true*/ file, "utf8").catch((error: unknown) => {
        throw new Error(`Migration ${name} has no readable migration.sql (${file})`, { cause: error });
      });
      return { name, script, checksum: sha256Hex(script) };
    }),
  );
}

/**
 * Brings the database at `connectionString` up to date. Safe to run concurrently (advisory lock)
 * and repeatedly (applied migrations are skipped). Returns the names it applied, in order.
 */
export async function migrate(connectionString: string, opts: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const onDisk = await readMigrations(opts.migrationsDir ?? defaultMigrationsDir());

  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await acquireLock(client);
    try {
      await ensureMigrationsTable(client);
      const pending = await pendingMigrations(client, onDisk);
      const applied: string[] = [];
      for (const migration of pending) {
        log(`Applying migration ${migration.name}`);
        await applyOne(client, migration);
        applied.push(migration.name);
      }
      return { applied };
    } finally {
      // Closing the session releases the lock too, so a failed unlock must not mask the real error.
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await client.end();
  }
}

async function acquireLock(client: pg.Client): Promise<void> {
  await client.query(`SET statement_timeout = ${LOCK_TIMEOUT_MS}`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
  } catch (error) {
    if (!(error instanceof pg.DatabaseError && error.code === "57014")) throw error; // 57014: statement timeout
    throw new Error(
      `Timed out after ${LOCK_TIMEOUT_MS / 1000}s waiting for the migration lock (pg_advisory_lock(${PRISMA_ADVISORY_LOCK_KEY})); another migration is running on this database.`,
      { cause: error },
    );
  } finally {
    await client.query("RESET statement_timeout").catch(() => {});
  }
}

async function ensureMigrationsTable(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')`,
  );
  const tables = rows.map((row) => row.name);
  if (tables.includes("_prisma_migrations")) return;
  // Like Prisma (P3005): never run the first migration over tables nobody recorded; the result
  // would be a half-applied schema that no later run can reason about.
  if (tables.length > 0) {
    throw new Error(
      `The database schema is not empty (found ${tables.slice(0, 5).join(", ")}${tables.length > 5 ? ", ..." : ""}) but has no _prisma_migrations table; baseline it or use an empty database.`,
    );
  }
  await client.query(CREATE_MIGRATIONS_TABLE);
}

/** Checks the recorded history against the files and returns what is left to apply. */
async function pendingMigrations(client: pg.Client, onDisk: MigrationFile[]): Promise<MigrationFile[]> {
  const { rows } = await client.query<MigrationRow>(
    `SELECT id, checksum, migration_name, finished_at, rolled_back_at, started_at, logs
     FROM _prisma_migrations ORDER BY started_at ASC`,
  );

  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new Error(
      `Migration ${failed.migration_name} failed in a previous attempt (started ${failed.started_at.toISOString()})` +
        `${failed.logs ? `: ${failed.logs}` : ""}. No further migrations will be applied. Repair the database, then mark the attempt ` +
        `rolled back (UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = '${failed.id}') and run again.`,
    );
  }

  const byName = new Map(onDisk.map((migration) => [migration.name, migration]));
  const appliedNames = new Set<string>();
  for (const row of rows) {
    if (row.finished_at === null || row.rolled_back_at !== null) continue; // rolled back: re-apply
    const file = byName.get(row.migration_name);
    if (!file) {
      throw new Error(`Migration ${row.migration_name} is applied in the database but missing from the migrations directory.`);
    }
    if (!matchesChecksum(file.script, row.checksum)) {
      throw new Error(
        `Migration ${row.migration_name} was changed after it was applied (checksum ${row.checksum} in the database, ` +
          `${file.checksum} on disk). Restore the original file and put the change in a new migration.`,
      );
    }
    appliedNames.add(row.migration_name);
  }
  return onDisk.filter((migration) => !appliedNames.has(migration.name));
}

/**
 * Same sequence as Prisma: the "started" row is committed first, so a migration that fails or is
 * interrupted leaves a visible trace that blocks later runs until someone looks at it. The script
 * itself runs in one transaction with the "finished" update, so it lands completely or not at all.
 */
async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query("INSERT INTO _prisma_migrations (id, checksum, started_at, migration_name) VALUES ($1, $2, $3, $4)", [
    id,
    migration.checksum,
    new Date(),
    migration.name,
  ]);
  try {
    await client.query("BEGIN");
    // No parameters: pg sends the whole file as one simple query, so multi-statement scripts and
    // dollar-quoted function bodies work. Statements that refuse transactions (CREATE INDEX
    // CONCURRENTLY) do not belong in these migrations.
    await client.query(migration.script);
    await client.query("UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1 WHERE id = $1", [id]);
    await client.query("UPDATE _prisma_migrations SET finished_at = $2 WHERE id = $1", [id, new Date()]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const message = describeError(error);
    // Best effort: if the connection is gone, the row still shows the attempt as unfinished.
    await client.query("UPDATE _prisma_migrations SET logs = $2 WHERE id = $1", [id, message]).catch(() => {});
    throw new Error(`Migration ${migration.name} failed: ${message}`, { cause: error });
  }
}

function describeError(error: unknown): string {
  if (error instanceof pg.DatabaseError) {
    return [error.message, error.code && `code ${error.code}`, error.position && `at character ${error.position}`]
      .filter(Boolean)
      .join(", ");
  }
  return error instanceof Error ? error.message : String(error);
}

// ---------------------------------------------------------------------------------------------
// Database lifecycle helpers (CLI, embedded starter, test harness).

/** The same server and credentials as `url`, pointed at database `name`. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** The database a connection string names (Postgres defaults it to the user name). */
export function databaseNameOf(url: string): string {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  return name || decodeURIComponent(parsed.username) || "postgres";
}

/** `url` without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "<unparseable database URL>";
  }
}

export async function withAdminClient<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates database `name` on the server of `adminUrl` (which must name an existing database). */
export async function createDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
}

/** Drops database `name` if it exists, disconnecting its sessions (Postgres 13+). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
}

/**
 * Creates the database `url` names when it does not exist yet (as `prisma migrate deploy` does),
 * through the server's `postgres` database. Returns whether it created it.
 */
export async function ensureDatabaseExists(url: string): Promise<boolean> {
  try {
    // Connecting to the target first means servers that only grant access to it keep working.
    await withAdminClient(url, async () => {});
    return false;
  } catch (error) {
    if (!(error instanceof pg.DatabaseError && error.code === "3D000")) throw error; // 3D000: no such database
  }
  try {
    await createDatabase(withDatabaseName(url, "postgres"), databaseNameOf(url));
    return true;
  } catch (error) {
    // 42P04: a concurrent run created it between the two steps.
    if (error instanceof pg.DatabaseError && error.code === "42P04") return false;
    throw error;
  }
}
