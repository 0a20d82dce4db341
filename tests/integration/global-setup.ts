/**
 * Runs once per `npm run test:integration`: creates one fresh `rb_test_<random>` database per
 * test worker (the first migrated with the real runner, the others copied from it with
 * `CREATE DATABASE … TEMPLATE`, which is much faster than migrating again), hands their URLs to
 * the workers and drops them afterwards. Each worker runs its files one after another on its own
 * database, so tests that truncate tables never see another worker's rows. It never touches the
 * database DATABASE_URL names: the developer's data is not test data.
 */
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createDatabase, databaseNameOf, dropDatabase, migrate, withDatabaseName } from "../../lib/db/migrate";
import { findTestServer } from "../support/database-server";
import { testDatabaseName } from "../support/names";
import { integrationWorkers } from "../support/workers";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await findTestServer();
  const developerDatabase = process.env.DATABASE_URL ? databaseNameOf(process.env.DATABASE_URL) : undefined;
  const names: string[] = [];
  for (let i = 0; i < integrationWorkers(); i++) {
    let name = testDatabaseName();
    while (name === developerDatabase || names.includes(name)) name = testDatabaseName();
    names.push(name);
  }
  const [first, ...copies] = names as [string, ...string[]];

  const dropAll = async () => {
    for (const name of names) await dropDatabase(server.adminUrl, name).catch(() => {});
  };
  try {
    await createDatabase(server.adminUrl, first);
    const { applied } = await migrate(withDatabaseName(server.adminUrl, first));
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    try {
      // The migration runner has closed its connections, so the first database can be a template.
      for (const name of copies) await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${first}"`);
      // Throwaway databases need no commit to wait for its WAL flush (a crash loses a test run,
      // nothing else); this halves the time of the many small transactions the tests make.
      for (const name of names) await admin.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
    } finally {
      await admin.end();
    }
    console.log(`[integration] ${names.join(", ")} on ${server.description}: applied ${applied.length} migration(s)`);
  } catch (error) {
    await dropAll();
    await server.stop();
    throw error;
  }

  project.provide(
    "databaseUrls",
    names.map((name) => withDatabaseName(server.adminUrl, name)),
  );
  project.provide("adminDatabaseUrl", server.adminUrl);

  return async () => {
    await dropAll();
    await server.stop();
  };
}
