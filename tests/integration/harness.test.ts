import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseNameOf } from "@/lib/db/migrate";
import { testDatabaseUrl } from "../support/context";
import { resetDb } from "../support/db";

async function withClient<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe("integration harness", () => {
  it("points DATABASE_URL at this run's throw-away database", () => {
    expect(process.env.DATABASE_URL).toBe(testDatabaseUrl());
    expect(databaseNameOf(testDatabaseUrl())).toMatch(/^rb_test_[0-9a-f]{12}$/);
  });

  it("resetDb empties the app tables (append-only audit log included) and keeps the migration history", async () => {
    const auditId = (client: pg.Client) =>
      client.query<{ id: string }>(
        `INSERT INTO audit_entry (action, entity_type, entity_id, prev_hash, hash)
         VALUES ('test', 'test', '1', repeat('0', 64), md5(random()::text) || md5(random()::text)) RETURNING id`,
      );
    await withClient(async (client) => {
      await client.query(
        `INSERT INTO organization (id, name, kind, home_country, updated_at)
         VALUES (gen_random_uuid(), 'Harness Studio', 'STUDIO', 'CN', now())`,
      );
      await auditId(client);
      await auditId(client);
    });

    await resetDb();

    await withClient(async (client) => {
      const counts = await client.query<{ organizations: number; audit: number; migrations: number }>(
        `SELECT (SELECT count(*)::int FROM organization) AS organizations,
                (SELECT count(*)::int FROM audit_entry) AS audit,
                (SELECT count(*)::int FROM _prisma_migrations) AS migrations`,
      );
      expect(counts.rows[0]).toMatchObject({ organizations: 0, audit: 0 });
      expect(counts.rows[0]?.migrations).toBeGreaterThan(0);
      // RESTART IDENTITY: ids start over, so tests do not depend on the order they run in.
      expect((await auditId(client)).rows[0]?.id).toBe("1");
    });
    await resetDb();
  });
});
