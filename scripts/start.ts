/**
 * `npm start`: one command from a fresh clone to a running app.
 *
 * Without DATABASE_URL it runs an embedded PostgreSQL in ./.data/postgres and seeds demo data on
 * first start; with DATABASE_URL it uses that server and never seeds (demo accounts have a known
 * password). Then it migrates, builds when the production build is missing or older than the
 * sources (without the type check, saying which step it is at), and serves the standalone build with scripts/serve.mjs (which runs the background worker
 * in process unless WORKER=off). Ctrl-C / SIGTERM stop the server first (it drains), then Postgres.
 */
import { type ChildProcess, type StdioOptions, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../lib/db/embedded";
import { ensureDatabaseExists, migrate, redactUrl } from "../lib/db/migrate";
import { buildIsStale } from "./build-status";

const root = path.resolve(__dirname, "..");
const dataDir = path.join(root, ".data");
/** Written after a successful demo seed, inside the cluster's folder so deleting that folder resets it. */
const seededMarker = path.join(dataDir, "postgres", "demo-seeded");
/** The server drains for up to 25 s before it closes; then it is killed. */
const NEXT_STOP_TIMEOUT_MS = 30_000;

let embedded: EmbeddedPostgres | undefined;
let child: ChildProcess | undefined;
let shuttingDown = false;

function say(message: string): void {
  console.log(`\x1b[36m[rightsbridge]\x1b[0m ${message}`);
}

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(signal));

  const port = process.env.PORT ?? "3000";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: port,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? persistentSecret(),
    NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1",
  };

  let seedDemo = false;
  if (env.DATABASE_URL) {
    say(`using DATABASE_URL ${redactUrl(env.DATABASE_URL)}`);
    // As `prisma migrate deploy` does: a named but missing database is created, not an error.
    if (await ensureDatabaseExists(env.DATABASE_URL)) say("created the database");
  } else {
    say("DATABASE_URL is not set: starting the embedded PostgreSQL in .data/postgres");
    embedded = await startEmbeddedPostgres({
      dataDir: path.join(dataDir, "postgres"),
      stopOnSignals: false,
      log: (m) => say(`postgres: ${m}`),
    });
    env.DATABASE_URL = embedded.url;
    seedDemo = embedded.databaseCreated || !fs.existsSync(seededMarker);
  }
  if (shuttingDown) return;

  const { applied } = await migrate(env.DATABASE_URL, { migrationsDir: path.join(root, "prisma", "migrations") });
  say(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");

  if (seedDemo && !shuttingDown) await seedDemoData(env.DATABASE_URL);
  if (!shuttingDown) await moveDiskPosters(env.DATABASE_URL);
  // Deals whose rights have all ended become EXPIRED; a failure here must not keep the app down.
  if (!shuttingDown && (await run("npm", ["run", "-s", "deals:expire"], env)) !== 0) say("could not expire ended deals; continuing");

  const build = buildIsStale(root);
  if (build.stale && !shuttingDown) {
    const code = await buildWithProgress(env, build.reason);
    if (code !== 0) throw new Error(`the build failed (exit code ${code})`);
  } else {
    say(`skipping the build: ${build.reason}`);
  }
  if (shuttingDown) return;

  // scripts/serve.mjs directly rather than `npm run serve`: one process to signal, and its exit
  // code is ours. It serves the standalone build and, unless WORKER=off, runs the worker in process.
  const next = spawnChild(process.execPath, [path.join(root, "scripts", "serve.mjs")], env);
  say(
    `serving on ${env.NEXTAUTH_URL}${env.WORKER === "off" ? " (WORKER=off: run `npm run worker` for scheduled jobs)" : " with the background worker in process"} — Ctrl-C stops it`,
  );
  say(
    env.SMTP_URL
      ? `e-mail goes out through ${redactUrl(env.SMTP_URL)} from ${env.MAIL_FROM ?? "Rightsbridge <no-reply@rightsbridge.local>"}`
      : "SMTP_URL is not set: e-mails are not sent; platform admins read them at Platform → Outbox",
  );
  const code = await exitOf(next);
  if (!shuttingDown) {
    say(`the server exited with code ${code}`);
    await embedded?.stop();
    process.exit(code);
  }
}

/** The app's NEXTAUTH_SECRET: made once and kept in .data/secret so sessions survive restarts. */
function persistentSecret(): string {
  const file = path.join(dataDir, "secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing) return existing;
  } catch {
    // first start
  }
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function seedDemoData(databaseUrl: string): Promise<void> {
  say("seeding demo data (first start)");
  // Imported only now: the Prisma client reads DATABASE_URL when its module loads.
  process.env.DATABASE_URL = databaseUrl;
  const { seed } = await import("../prisma/seed");
  const { DEMO_PASSWORD_DEFAULT } = await import("../lib/orgs/seed");
  const { created } = await seed();
  const { db } = await import("../lib/db/client");
  await db.$disconnect();
  fs.writeFileSync(seededMarker, `${new Date().toISOString()}\n`);
  say(created ? "demo data created" : "demo data already present");
  const password = process.env.DEMO_PASSWORD ? "DEMO_PASSWORD" : DEMO_PASSWORD_DEFAULT;
  say(`demo login: studio@demo.rightsbridge.test / ${password} (all demo accounts are listed in the README)`);
}

/** Earlier versions kept posters under .data/uploads/posters; they move into the file storage once. */
async function moveDiskPosters(databaseUrl: string): Promise<void> {
  process.env.DATABASE_URL = databaseUrl;
  const { moveLegacyPosters } = await import("../lib/catalogue/legacy-posters");
  const { moved, missing } = await moveLegacyPosters();
  if (moved || missing) say(`moved ${moved} poster(s) from disk into the file storage${missing ? ` (${missing} file(s) missing)` : ""}`);
}

/** How long the last build took (written after each successful build), for the progress estimate. */
const lastBuildFile = path.join(dataDir, "last-build-seconds");

/**
 * `npm run build` without the type check (CI and `npm test` run `npm run typecheck`) and, on a
 * fresh checkout, without writing Turbopack's build cache — together more than half of a first
 * start on two cores. Says which step the build is at, and every 15 s how long it has been going.
 */
async function buildWithProgress(env: NodeJS.ProcessEnv, reason: string): Promise<number> {
  const fresh = !fs.existsSync(path.join(root, env.NEXT_DIST_DIR || ".next"));
  const buildEnv: NodeJS.ProcessEnv = { ...env, BUILD_TYPECHECK: "off", ...(fresh ? { BUILD_CACHE: "off" } : {}) };
  let last: number | undefined;
  try {
    last = Number(fs.readFileSync(lastBuildFile, "utf8").trim()) || undefined;
  } catch {
    // never built here
  }
  const steps = [
    { match: /Creating an optimized production build/, name: "compiling the app" },
    { match: /Compiled successfully|Compiled with warnings/, name: "collecting page data" },
    { match: /Generating static pages/, name: "generating pages" },
    { match: /Finalizing page optimization/, name: "finalizing" },
    { match: /\[standalone\]/, name: "copying the standalone output" },
  ];
  let step = -1;
  const started = Date.now();
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)} s`;
  say(
    `building (${reason})${last ? ` — the last build here took ${last} s` : " — a first build takes a minute or two"}; the type check is left to \`npm run typecheck\``,
  );
  const proc = spawnChild("npm", ["run", "-s", "build"], buildEnv, ["ignore", "pipe", "pipe"]);
  const onLine = (line: string) => {
    const next = steps.findIndex((s, i) => i > step && s.match.test(line));
    if (next > step) {
      step = next;
      say(`build step ${step + 1} of ${steps.length}: ${steps[step]?.name} (${elapsed()})`);
    }
    if (line.trim()) process.stdout.write(`  ${line}\n`);
  };
  for (const stream of [proc.stdout, proc.stderr]) {
    let buffered = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) onLine(line);
    });
    stream?.on("end", () => buffered && onLine(buffered));
  }
  const ticker = setInterval(() => {
    const at = step >= 0 ? `step ${step + 1} of ${steps.length}, ${steps[step]?.name}` : "starting";
    say(`still building: ${at}, ${elapsed()}${last ? ` (last build: ${last} s)` : ""}`);
  }, 15_000);
  const code = await exitOf(proc);
  clearInterval(ticker);
  child = undefined;
  if (code === 0) {
    const seconds = Math.round((Date.now() - started) / 1000);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(lastBuildFile, `${seconds}\n`);
    say(`built in ${seconds} s`);
  }
  return code;
}

function spawnChild(command: string, args: string[], env: NodeJS.ProcessEnv, stdio: StdioOptions = "inherit"): ChildProcess {
  child = spawn(command, args, { cwd: root, env, stdio });
  return child;
}

function exitOf(proc: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null) resolve(proc.exitCode);
    else proc.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const code = await exitOf(spawnChild(command, args, env));
  child = undefined;
  return code;
}

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  // A terminal Ctrl-C reaches us twice (from the terminal and relayed by tsx): act once.
  if (shuttingDown) return;
  shuttingDown = true;
  say(`${signal}: stopping`);
  const running = child;
  if (running && running.exitCode === null && running.signalCode === null) {
    running.kill("SIGTERM");
    const timer = setTimeout(() => running.kill("SIGKILL"), NEXT_STOP_TIMEOUT_MS);
    await exitOf(running);
    clearTimeout(timer);
  }
  await embedded?.stop();
  say("stopped");
  process.exit(0);
}

main().catch(async (error: unknown) => {
  if (shuttingDown) return; // a step failed because shutdown() pulled the database away
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  await embedded?.stop();
  process.exit(1);
});
