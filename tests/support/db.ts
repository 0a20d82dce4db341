import pg from "pg";
import { testDatabaseUrl } from "./context";
import { assertTestDatabase } from "./names";

export { assertTestDatabase, testDatabaseName } from "./names";

/**
 * Empties every application table of the run's database (not `_prisma_migrations`), the audit
 * log included (its TRUNCATE trigger off for this one statement), and restarts identities, so
 * each test starts from the migrated, empty state. Call it in beforeEach. The table list comes
 * from the catalog, so tables added by later migrations are covered without edits.
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
    // The audit log refuses TRUNCATE (a trigger): the test reset, and only it, switches that
    // trigger off for its own statement, in one transaction so it is back on whatever happens.
    const audit = rows.some((row) => row.name === "audit_entry");
    await client.query("BEGIN");
    try {
      if (audit) await client.query('ALTER TABLE audit_entry DISABLE TRIGGER "audit_entry_no_truncate"');
      await client.query(`TRUNCATE TABLE ${tables} RESTART IDENTITY CASCADE`);
      if (audit) await client.query('ALTER TABLE audit_entry ENABLE TRIGGER "audit_entry_no_truncate"');
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  } finally {
    await client.end();
  }
}
