/**
 * Runs once per `npm run test:integration`: creates a fresh `rb_test_<random>` database, migrates
 * it with the real runner, hands its URL to the workers and drops it afterwards. It never touches
 * the database DATABASE_URL names: the developer's data is not test data.
 */
import type { TestProject } from "vitest/node";
import { createDatabase, databaseNameOf, dropDatabase, migrate, withDatabaseName } from "../../lib/db/migrate";
import { findTestServer } from "../support/database-server";
import { testDatabaseName } from "../support/names";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await findTestServer();
  let name = testDatabaseName();
  const developerDatabase = process.env.DATABASE_URL ? databaseNameOf(process.env.DATABASE_URL) : undefined;
  while (name === developerDatabase) name = testDatabaseName();

  const databaseUrl = withDatabaseName(server.adminUrl, name);
  try {
    await createDatabase(server.adminUrl, name);
    const { applied } = await migrate(databaseUrl);
    console.log(`[integration] ${name} on ${server.description}: applied ${applied.length} migration(s)`);
  } catch (error) {
    await dropDatabase(server.adminUrl, name).catch(() => {});
    await server.stop();
    throw error;
  }

  project.provide("databaseUrl", databaseUrl);
  project.provide("adminDatabaseUrl", server.adminUrl);

  return async () => {
    await dropDatabase(server.adminUrl, name);
    await server.stop();
  };
}
