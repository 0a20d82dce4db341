/**
 * Processes for the operations tests: production servers (scripts/serve.mjs, as `npm run serve`
 * and the Dockerfile run them), workers (`npm run worker`), a cuttable TCP proxy in front of
 * PostgreSQL, and a database per test file copied from the seeded template. Every process is
 * started in its own process group and killed with it — by the test's afterAll, and by an exit
 * hook should the run die first.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { dropDatabase, withDatabaseName } from "../../lib/db/migrate";
import { testDatabaseName } from "../support/names";

export const root = path.resolve(__dirname, "..", "..");
const logDir = path.join(root, "test-results", "ops");
const running = new Set<ChildProcess>();

function killGroup(proc: ChildProcess, signal: NodeJS.Signals): void {
  if (proc.pid === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
  try {
    process.kill(-proc.pid, signal);
  } catch {
    // already gone
  }
}
process.once("exit", () => {
  for (const proc of running) killGroup(proc, "SIGKILL");
});

/** The session secret every instance shares (as a deployment must). */
export const SECRET = randomBytes(32).toString("base64url");

export type Proc = {
  name: string;
  proc: ChildProcess;
  logFile: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
  log(): string;
};

function launch(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Proc {
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, `${name}.log`);
  const fd = fs.openSync(logFile, "w");
  const proc = spawn(command, args, { cwd: root, env, stdio: ["ignore", fd, fd], detached: true });
  fs.closeSync(fd);
  running.add(proc);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => {
      running.delete(proc);
      resolve({ code, signal });
    }),
  );
  return {
    name,
    proc,
    logFile,
    exited,
    signal: (signal) => killGroup(proc, signal),
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      killGroup(proc, "SIGTERM");
      const timer = setTimeout(() => killGroup(proc, "SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
      killGroup(proc, "SIGKILL"); // anything left in the group
    },
    log: () => fs.readFileSync(logFile, "utf8"),
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type Database = { url: string; name: string; drop(): Promise<void> };

/** A database of this test file: a copy of the migrated, seeded template. */
export async function copyOfTemplate(label: string): Promise<Database> {
  const adminUrl = inject("opsAdminUrl");
  const name = testDatabaseName(label);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${pg.escapeIdentifier(inject("opsTemplate"))}`);
  } finally {
    await client.end();
  }
  return { url: withDatabaseName(adminUrl, name), name, drop: () => dropDatabase(adminUrl, name) };
}

export type Server = Proc & { url: string; port: number };

export type ServerOptions = { databaseUrl: string; publicUrl?: string; env?: Record<string, string>; port?: number };

/** `node scripts/serve.mjs` (what `npm run serve` runs) on a free port, WORKER=off unless told. */
export async function startServer(name: string, opts: ServerOptions): Promise<Server> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const proc = launch(name, process.execPath, [path.join(root, "scripts", "serve.mjs")], {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: opts.databaseUrl,
    PORT: String(port),
    HOSTNAME: "127.0.0.1",
    NEXTAUTH_URL: opts.publicUrl ?? url,
    NEXTAUTH_SECRET: SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
    WORKER: "off",
    LOG_LEVEL: "warn",
    ...opts.env,
  });
  return { ...proc, url, port };
}

/** `npm run worker` (tsx scripts/worker.ts). */
export function startWorkerProcess(name: string, databaseUrl: string, env: Record<string, string> = {}): Proc {
  return launch(name, "npm", ["run", "--silent", "worker"], { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "info", ...env });
}

/** Resolves when GET url answers `status` (default: any answer), or fails after timeoutMs. */
export async function waitFor(url: string, opts: { status?: number; timeoutMs?: number; proc?: Proc } = {}): Promise<number> {
  const started = Date.now();
  const deadline = started + (opts.timeoutMs ?? 90_000);
  while (Date.now() < deadline) {
    if (opts.proc && opts.proc.proc.exitCode !== null) throw new Error(`${opts.proc.name} exited:\n${opts.proc.log().slice(-3000)}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: "manual" });
      await res.arrayBuffer();
      if (opts.status === undefined || res.status === opts.status) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `${url} did not answer${opts.status ? ` ${opts.status}` : ""} in time${opts.proc ? `:\n${opts.proc.log().slice(-3000)}` : ""}`,
  );
}

export async function waitLive(server: Server): Promise<void> {
  await waitFor(`${server.url}/api/health/live`, { status: 200, proc: server });
}

/** Signs in through next-auth's credentials endpoint; the Cookie header of the session, or the error. */
export async function login(baseUrl: string, email: string, password = "demo-rights-2026"): Promise<{ cookie?: string; error?: string }> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = cookiesOf(csrfRes);
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const text = await res.text();
  const session = cookiesOf(res)
    .split("; ")
    .find((c) => /next-auth\.session-token=/.test(c));
  if (session) return { cookie: session };
  const location = res.headers.get("location") ?? (text.startsWith("{") ? (JSON.parse(text) as { url?: string }).url : undefined) ?? "";
  return { error: new URL(location, baseUrl).searchParams.get("error") ?? `status ${res.status}` };
}

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

// biome-ignore lint/suspicious/noExplicitAny: untyped JSON answers, asserted field by field
export type Answer = { status: number; body: any; text: string; headers: Headers };

export async function call(baseUrl: string, path: string, init: RequestInit & { cookie?: string; json?: unknown } = {}): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.cookie) {
    headers.set("cookie", init.cookie);
    // A signed-in write must come from the app's own origin (the CSRF check in route()), as a browser's does.
    if (!headers.has("origin")) headers.set("origin", new URL(baseUrl).origin);
  }
  let body = init.body;
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(init.json);
  }
  const res = await fetch(`${baseUrl}${path}`, { ...init, headers, body, signal: init.signal ?? AbortSignal.timeout(30_000) });
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}

/**
 * A TCP proxy in front of PostgreSQL that a test can cut (every connection dropped, new ones
 * refused) and restore, to simulate an outage without stopping the shared server.
 */
export async function startPgProxy(target: { host: string; port: number }): Promise<{
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}> {
  const sockets = new Set<net.Socket>();
  const port = await freePort();
  let server: net.Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        sockets.add(client);
        sockets.add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", drop).on("close", drop);
        upstream.on("error", drop).on("close", drop);
        client.pipe(upstream);
        upstream.pipe(client);
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
  const stopListening = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await listen();
  return { port, cut: stopListening, restore: listen, close: stopListening };
}

/** Runs an npm script with DATABASE_URL; its exit code and output. */
export function npmRun(script: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      output += d.toString();
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, output }));
  });
}
