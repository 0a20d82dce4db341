/**
 * `npm run db:backup` / `db:restore` as an operator runs them: back up the seeded database, restore
 * into a fresh one, and the copy is the same: row counts of every table, a verifying audit chain,
 * and the same deal, statements and waterfall served by a production server on each.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropDatabase, withDatabaseName } from "../../lib/db/migrate";
import { testDatabaseName } from "../support/names";
import { call, copyOfTemplate, type Database, login, npmRun, type Server, startServer, waitLive } from "./harness";

let original: Database;
let restoredUrl: string;
let restoredName: string;
let adminUrl: string;
let dir: string;
const servers: Server[] = [];

async function counts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname IN ('public', 'pgboss') AND c.relkind IN ('r', 'p') ORDER BY 1, 2`,
    );
    const out: Record<string, number> = {};
    for (const row of rows) {
      const q = `SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(row.schema)}.${pg.escapeIdentifier(row.name)}`;
      out[`${row.schema}.${row.name}`] = (await client.query<{ n: number }>(q)).rows[0]!.n;
    }
    return out;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  original = await copyOfTemplate("backup");
  adminUrl = new URL(original.url).toString();
  restoredName = testDatabaseName("restored");
  restoredUrl = withDatabaseName(adminUrl, restoredName);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "rb-backup-"));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await original?.drop();
  if (restoredName) await dropDatabase(withDatabaseName(adminUrl, "postgres"), restoredName).catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it("restores into a fresh database with the same rows, a verifying audit chain and the same answers", async () => {
    const file = path.join(dir, "rightsbridge.dump");
    const backup = await npmRun("db:backup", [file], { DATABASE_URL: original.url });
    expect(backup.code, backup.output).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    const restore = await npmRun("db:restore", [file], { DATABASE_URL: restoredUrl });
    expect(restore.code, restore.output).toBe(0);

    const [before, after] = await Promise.all([counts(original.url), counts(restoredUrl)]);
    expect(Object.keys(after).length).toBeGreaterThan(30);
    expect(after).toEqual(before);
    expect(after["public.deal"]).toBeGreaterThan(0);
    expect(after["public.audit_entry"]).toBeGreaterThan(0);

    const verify = await npmRun("audit:verify", [], { DATABASE_URL: restoredUrl });
    expect(verify.code, verify.output).toBe(0);

    // Restoring over data is refused, not merged.
    const again = await npmRun("db:restore", [file], { DATABASE_URL: restoredUrl });
    expect(again.code).toBe(1);
    expect(again.output).toContain("already has tables");

    const [onOriginal, onRestored] = await Promise.all([
      startServer("backup-original", { databaseUrl: original.url, env: { HEALTH_WORKER_CHECK: "off" } }),
      startServer("backup-restored", { databaseUrl: restoredUrl, env: { HEALTH_WORKER_CHECK: "off" } }),
    ]);
    servers.push(onOriginal, onRestored);
    await Promise.all([waitLive(onOriginal), waitLive(onRestored)]);
    expect((await call(onRestored.url, "/api/health/ready")).body).toEqual({
      status: "ok",
      checks: { database: "ok", migrations: "ok", worker: "skipped" },
    });

    const client = new pg.Client({ connectionString: original.url });
    await client.connect();
    const { rows } = await client.query(
      "SELECT d.id FROM deal d WHERE d.status = 'SIGNED' AND EXISTS (SELECT 1 FROM statement s WHERE s.deal_id = d.id) ORDER BY d.created_at LIMIT 1",
    );
    await client.end();
    const dealId: string = rows[0].id;
    const answers = async (server: Server) => {
      const { cookie } = await login(server.url, "studio@demo.rightsbridge.test");
      const paths = [`/api/v1/deals/${dealId}`, `/api/v1/deals/${dealId}/statements`, `/api/v1/deals/${dealId}/balance`];
      return Promise.all(paths.map(async (p) => ({ path: p, ...(await call(server.url, p, { cookie })) })));
    };
    const [want, got] = await Promise.all([answers(onOriginal), answers(onRestored)]);
    for (const [i, answer] of got.entries()) {
      expect(answer.status, answer.path).toBe(200);
      expect(answer.body, answer.path).toEqual(want[i]!.body);
    }
    expect(JSON.stringify(got[1]!.body)).toMatch(/waterfall|cumulative|recoup/i);
  }, 180_000);
});
