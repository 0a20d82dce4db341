import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase, dropDatabase, migrate, withDatabaseName } from "@/lib/db/migrate";
import { adminDatabaseUrl } from "../support/context";
import { testDatabaseName } from "../support/names";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

const scratchDatabases: string[] = [];
const tempDirs: string[] = [];

afterAll(async () => {
  for (const name of scratchDatabases) await dropDatabase(adminDatabaseUrl(), name);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

/** An empty database of its own, so these tests never disturb the run's migrated database. */
async function scratchDatabase(): Promise<string> {
  const name = testDatabaseName("migrate");
  await createDatabase(adminDatabaseUrl(), name);
  scratchDatabases.push(name);
  return withDatabaseName(adminDatabaseUrl(), name);
}

/** A copy of the real migrations the test may edit. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "rb-migrations-"));
  tempDirs.push(dir);
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

/** Expected bookkeeping, computed independently of the runner: SHA-256 hex of the file bytes. */
async function migrationsOnDisk(dir = MIGRATIONS_DIR): Promise<{ name: string; checksum: string }[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  names.sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      checksum: createHash("sha256")
        .update(await readFile(path.join(dir, name, "migration.sql")))
        .digest("hex"),
    })),
  );
}

interface MigrationRecord {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const records = (url: string) => query<MigrationRecord>(url, "SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name");

describe("migration runner", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const url = await scratchDatabase();
    const expected = await migrationsOnDisk();
    expect(expected.length).toBeGreaterThan(0);

    const first = await migrate(url);
    expect(first.applied).toEqual(expected.map((migration) => migration.name));

    const rows = await records(url);
    expect(
      rows.map(({ migration_name, checksum, applied_steps_count, logs, rolled_back_at }) => ({
        migration_name,
        checksum,
        applied_steps_count,
        logs,
        rolled_back_at,
      })),
    ).toEqual(
      expected.map(({ name, checksum }) => ({
        migration_name: name,
        checksum,
        applied_steps_count: 1,
        logs: null,
        rolled_back_at: null,
      })),
    );
    for (const row of rows) {
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
    }

    // The table itself is Prisma's, so `prisma migrate` could take over this database.
    const columns = await query<{ column_name: string; type: string; nullable: boolean; default: string | null }>(
      url,
      `SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
              pg_get_expr(d.adbin, d.adrelid) AS default
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE a.attrelid = '_prisma_migrations'::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    );
    expect(columns).toEqual([
      { column_name: "id", type: "character varying(36)", nullable: false, default: null },
      { column_name: "checksum", type: "character varying(64)", nullable: false, default: null },
      { column_name: "finished_at", type: "timestamp with time zone", nullable: true, default: null },
      { column_name: "migration_name", type: "character varying(255)", nullable: false, default: null },
      { column_name: "logs", type: "text", nullable: true, default: null },
      { column_name: "rolled_back_at", type: "timestamp with time zone", nullable: true, default: null },
      { column_name: "started_at", type: "timestamp with time zone", nullable: false, default: "now()" },
      { column_name: "applied_steps_count", type: "integer", nullable: false, default: "0" },
    ]);

    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(await records(url)).toEqual(rows);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const url = await scratchDatabase();
    const dir = await copyOfMigrations();
    const [first] = await migrationsOnDisk(dir);
    if (!first) throw new Error("no migrations");
    await migrate(url, { migrationsDir: dir });

    const file = path.join(dir, first.name, "migration.sql");
    await writeFile(file, `${await readFile(file, "utf8")}\n-- an innocent-looking edit\n`);

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Migration ${first.name} was changed after it was applied`),
    );
  });

  it("accepts the same file with CRLF line endings, as Prisma does", async () => {
    const url = await scratchDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, { migrationsDir: dir });
    for (const { name } of await migrationsOnDisk(dir)) {
      const file = path.join(dir, name, "migration.sql");
      await writeFile(file, (await readFile(file, "utf8")).replaceAll("\n", "\r\n"));
    }
    await expect(migrate(url, { migrationsDir: dir })).resolves.toEqual({ applied: [] });
  });

  it("refuses when the database has a migration that is missing on disk", async () => {
    const url = await scratchDatabase();
    const dir = await copyOfMigrations();
    const all = await migrationsOnDisk(dir);
    const last = all.at(-1);
    if (!last) throw new Error("no migrations");
    await migrate(url, { migrationsDir: dir });
    await rm(path.join(dir, last.name), { recursive: true });

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`Migration ${last.name} is applied in the database but missing`),
    );
  });

  it("rolls back a failing migration, records the failure and refuses to continue past it", async () => {
    const url = await scratchDatabase();
    const dir = await copyOfMigrations();
    const broken = "99990101000000_broken";
    await mkdir(path.join(dir, broken));
    await writeFile(path.join(dir, broken, "migration.sql"), 'CREATE TABLE "half_done" ("id" INTEGER);\nSELECT * FROM "no_such_table";\n');

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(new RegExp(`Migration ${broken} failed`));

    const rows = await records(url);
    const failed = rows.find((row) => row.migration_name === broken);
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(failed?.logs).toMatch(/no_such_table/);
    // The script ran in a transaction: its first statement did not survive.
    expect(await query(url, "SELECT to_regclass('half_done') AS t")).toEqual([{ t: null }]);

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(new RegExp(`Migration ${broken} failed in a previous attempt`));
  });

  it("applies each migration exactly once when two runs race", async () => {
    const url = await scratchDatabase();
    const expected = (await migrationsOnDisk()).map((migration) => migration.name);

    const [a, b] = await Promise.all([migrate(url), migrate(url)]);

    expect([...a.applied, ...b.applied].sort()).toEqual(expected);
    // One run did all the work while the other waited on the advisory lock.
    expect([a.applied.length, b.applied.length].sort()).toEqual([0, expected.length]);
    const rows = await records(url);
    expect(rows.map((row) => row.migration_name)).toEqual(expected);
  });
});

describe("20261207150000_mail_identity", () => {
  it("keeps existing API keys working as write keys, defaults new keys to read and leaves existing people unverified", async () => {
    const url = await scratchDatabase();
    const dir = await copyOfMigrations();
    const identity = "20261207150000_mail_identity";
    const held = await mkdtemp(path.join(tmpdir(), "rb-held-"));
    tempDirs.push(held);
    await cp(path.join(dir, identity), path.join(held, identity), { recursive: true });
    await rm(path.join(dir, identity), { recursive: true });
    // Later migrations (other branches) may depend on this one: hold them back too.
    for (const name of await readdir(dir)) {
      if (name > identity) await rm(path.join(dir, name), { recursive: true, force: true });
    }
    await migrate(url, { migrationsDir: dir });
    await query(
      url,
      `INSERT INTO organization (id, name, kind, home_country, updated_at) VALUES ('00000000-0000-7000-8000-000000000001', 'Old', 'STUDIO', 'CN', now());
       INSERT INTO app_user (id, email, name, password_hash, updated_at) VALUES ('00000000-0000-7000-8000-000000000002', 'old@corp.test', 'Old', 'x', now());
       INSERT INTO api_key (id, organization_id, name, prefix, key_hash, created_by_id)
         VALUES ('00000000-0000-7000-8000-000000000003', '00000000-0000-7000-8000-000000000001', 'legacy', 'rb_x', repeat('a', 64), '00000000-0000-7000-8000-000000000002');`,
    );

    await cp(path.join(held, identity), path.join(dir, identity), { recursive: true });
    expect((await migrate(url, { migrationsDir: dir })).applied).toEqual([identity]);
    expect(await query(url, "SELECT name, scope::text FROM api_key")).toEqual([{ name: "legacy", scope: "WRITE" }]);
    await query(
      url,
      `INSERT INTO api_key (id, organization_id, name, prefix, key_hash, created_by_id)
         VALUES ('00000000-0000-7000-8000-000000000004', '00000000-0000-7000-8000-000000000001', 'new', 'rb_y', repeat('b', 64), '00000000-0000-7000-8000-000000000002')`,
    );
    expect(await query(url, "SELECT scope::text FROM api_key WHERE name = 'new'")).toEqual([{ scope: "READ" }]);
    expect(await query(url, "SELECT email_verified_at FROM app_user")).toEqual([{ email_verified_at: null }]);
  });
});
