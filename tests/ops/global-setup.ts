/**
 * Once per `vitest run --project ops`: the production build (shared with the e2e run: rebuilt only
 * when stale) and one migrated, seeded template database; each test file copies the template
 * (CREATE DATABASE … TEMPLATE, a second) instead of seeding again. Both go away afterwards.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase, migrate, withDatabaseName } from "../../lib/db/migrate";
import { buildIsStale } from "../../scripts/build-status";
import { findTestServer } from "../support/database-server";
import { testDatabaseName } from "../support/names";

const root = path.resolve(__dirname, "..", "..");

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const server = await findTestServer();
  const template = testDatabaseName("ops_template");
  const templateUrl = withDatabaseName(server.adminUrl, template);
  const teardown = async () => {
    await dropDatabase(server.adminUrl, template).catch(() => undefined);
    await server.stop();
  };
  try {
    const build = buildIsStale(root);
    if (build.stale) {
      console.log(`[ops] building (${build.reason})`);
      await run("npm", ["run", "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
    } else console.log(`[ops] reusing the production build: ${build.reason}`);

    await createDatabase(server.adminUrl, template);
    await migrate(templateUrl, { migrationsDir: path.join(root, "prisma", "migrations") });
    await run("npm", ["run", "--silent", "db:seed"], { ...process.env, DATABASE_URL: templateUrl, LOG_LEVEL: "warn" });
    console.log(`[ops] template ${template} on ${server.description} ready in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("opsAdminUrl", server.adminUrl);
  project.provide("opsTemplate", template);
  return teardown;
}

declare module "vitest" {
  export interface ProvidedContext {
    opsAdminUrl: string;
    opsTemplate: string;
  }
}
