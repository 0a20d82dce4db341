/**
 * Prepares what every spec runs against: a fresh database (on TEST_DATABASE_URL's server, else
 * the local server at 127.0.0.1:5432, else an embedded one — never the database DATABASE_URL
 * names), migrated and seeded; a production build (rebuilt only when stale); and scripts/serve.mjs on
 * a free port. Returns the teardown, which stops the server and drops the database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { freePort, isPortFree } from "../lib/db/embedded";
import { createDatabase, databaseNameOf, dropDatabase, migrate, withAdminClient, withDatabaseName } from "../lib/db/migrate";
import { buildIsStale } from "../scripts/build-status";
import { findTestServer } from "../tests/support/database-server";
import { testDatabaseName } from "../tests/support/names";
import { startTestSmtpServer, type TestSmtpServer } from "../tests/support/smtp";

const root = path.resolve(__dirname, "..");
const PREFERRED_PORT = 3100;
const READY_TIMEOUT_MS = 60_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await findTestServer();
  const developerDatabase = process.env.DATABASE_URL ? databaseNameOf(process.env.DATABASE_URL) : undefined;
  let name = testDatabaseName("e2e");
  while (name === developerDatabase) name = testDatabaseName("e2e");
  const databaseUrl = withDatabaseName(server.adminUrl, name);

  let next: ChildProcess | undefined;
  let smtp: TestSmtpServer | undefined;
  const teardown = async () => {
    if (next) await stop(next);
    await smtp?.stop();
    await dropDatabase(server.adminUrl, name).catch((error: unknown) => console.error(`[e2e] could not drop ${name}:`, error));
    await server.stop();
  };

  try {
    await createDatabase(server.adminUrl, name);
    // A throwaway database: commits need not wait for their WAL flush (a crash loses this run only).
    await withAdminClient(server.adminUrl, (client) => client.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`));
    const { applied } = await migrate(databaseUrl, { migrationsDir: path.join(root, "prisma", "migrations") });
    console.log(`[e2e] database ${name} on ${server.description}: applied ${applied.length} migration(s)`);

    const port = await pickPort();
    const baseUrl = `http://localhost:${port}`;
    // A real SMTP server for the app's outbox; every message lands in a file specs can read.
    const mailFile = path.join(root, "test-results", `mail-${name}.jsonl`);
    fs.mkdirSync(path.dirname(mailFile), { recursive: true });
    fs.writeFileSync(mailFile, "");
    smtp = await startTestSmtpServer({ onMail: (mail) => fs.appendFileSync(mailFile, `${JSON.stringify(mail)}\n`) });
    process.env.E2E_MAIL_FILE = mailFile;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXT_TELEMETRY_DISABLED: "1",
      SMTP_URL: smtp.url,
      MAIL_FROM: "Rightsbridge E2E <mail@e2e.rightsbridge.test>",
      // Every spec signs up its own accounts, all from one address ("unknown" behind plain
      // `next start`): the whole suite registers more than the production default of 60 an hour.
      REGISTER_MAX_PER_HOUR: process.env.REGISTER_MAX_PER_HOUR ?? "2000",
    };

    // The seed and the build are independent (the build reads no rows), so they run side by side.
    // The seed imports "server-only" modules, which load only under tsx's react-server condition.
    const seed = fs.existsSync(path.join(root, "prisma", "seed.ts")) ? run("npm", ["run", "--silent", "db:seed"], env) : Promise.resolve();
    const build = buildIsStale(root);
    if (build.stale) console.log(`[e2e] building (${build.reason})`);
    else console.log(`[e2e] reusing the production build: ${build.reason}`);
    const results = await Promise.allSettled([seed, build.stale ? run("npm", ["run", "build"], env) : Promise.resolve()]);
    for (const result of results) if (result.status === "rejected") throw result.reason;

    const logFile = path.join(
      root,
      "test-results",
      `next-server${process.env.NEXT_DIST_DIR ? `-${path.basename(process.env.NEXT_DIST_DIR)}` : ""}.log`,
    );
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    const log = fs.openSync(logFile, "w");
    // The production server as `npm run serve` and the Dockerfile run it (standalone build).
    next = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
      cwd: root,
      env: { ...env, KEEP_ALIVE_TIMEOUT_MS: "70000" },
      stdio: ["ignore", log, log],
    });
    fs.closeSync(log);
    await waitForServer(baseUrl, next, logFile);
    console.log(`[e2e] scripts/serve.mjs on ${baseUrl} (log: ${path.relative(root, logFile)})`);

    // Workers are started after global setup and inherit this; playwright.config.ts reads it.
    process.env.E2E_BASE_URL = baseUrl;
    process.env.E2E_DATABASE_URL = databaseUrl;
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}

async function pickPort(): Promise<number> {
  if (process.env.E2E_PORT) return Number(process.env.E2E_PORT);
  return (await isPortFree(PREFERRED_PORT)) ? PREFERRED_PORT : freePort();
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function waitForServer(baseUrl: string, proc: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && proc.exitCode === null) {
    try {
      await fetch(baseUrl, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      return; // any HTTP answer means it is listening
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n");
  throw new Error(`the server ${proc.exitCode === null ? "did not answer" : `exited (${proc.exitCode})`}:\n${tail}`);
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  proc.kill("SIGTERM");
  const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
