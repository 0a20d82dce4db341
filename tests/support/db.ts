import pg from "pg";
import { testDatabaseUrl } from "./context";
import { assertTestDatabase } from "./names";

export { assertTestDatabase, testDatabaseName } from "./names";

/**
 * Empties every application table of the run's database (not `_prisma_migrations`) and restarts
 * identities, so each test starts from the migrated, empty state. Call it in beforeEach. The table
 * list comes from the catalog, so tables added by later migrations are covered without edits.
 */
export async function resetDb(url: string = testDatabaseUrl()): Promise<void> {
  assertTestDatabase(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
    );
    if (rows.length === 0) return;
    const tables = rows.map((row) => pg.escapeIdentifier(row.name)).join(", ");
    await client.query(`TRUNCATE TABLE ${tables} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
}
