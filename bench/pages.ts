/**
 * `npm run bench:pages [-- --runs 20]`
 *
 * What a person waits for, over HTTP against one production server (scripts/serve.mjs over the
 * standalone build) on a throw-away database with the demo data:
 * - login → dashboard: next-auth's CSRF token, the credentials sign-in, then `GET /dashboard`
 *   to its last byte;
 * - register → dashboard: `POST /api/v1/auth/register` (a new studio each time), the sign-in,
 *   then the dashboard;
 * - the avails page as the demo partner and the demo studio, as it opens (the whole demo
 *   catalogue, worldwide, every medium): time to the last byte and the size of the HTML.
 * Baseline: the trivial route `GET /api/health/live` on the same server, measured alternately.
 * Needs a production build (`npm run build`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { buildIsStale } from "../scripts/build-status";
import { benchOptions } from "./lib/args";
import { type BenchDatabase, withBenchDatabase } from "./lib/database";
import { summarize } from "./lib/stats";
import { formatCount, printTable } from "./lib/table";

const options = benchOptions({ runs: { type: "int", default: 20, min: 3 }, warmup: { type: "int", default: 3 }, keep: { type: "flag" } });
const root = path.resolve(__dirname, "..");
const SECRET = randomBytes(32).toString("base64url");
const PASSWORD = "demo-rights-2026";
let server: ChildProcess | undefined;
process.once("exit", () => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, "SIGKILL");
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function startServer(databaseUrl: string): Promise<string> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(root, "test-results", `bench-pages-${port}.log`), "w");
  server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NEXTAUTH_URL: url,
      NEXTAUTH_SECRET: SECRET,
      WORKER: "off",
      HEALTH_WORKER_CHECK: "off",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      REGISTER_MAX_PER_HOUR: "1000000",
    },
  });
  fs.closeSync(log);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health/live`)).ok) return url;
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${url} did not start`);
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");

/** CSRF token + credentials sign-in: the session cookie. */
async function signIn(url: string, email: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  await res.arrayBuffer();
  const cookie = cookiesOf(res).find((c) => c.includes("next-auth.session-token="));
  if (!cookie) throw new Error(`sign-in of ${email} failed (${res.status})`);
  return cookie;
}

/** GET a page to its last byte, following redirects within the app; its final status and size. */
async function page(url: string, pathname: string, cookie: string): Promise<{ status: number; bytes: number }> {
  const res = await fetch(`${url}${pathname}`, { headers: { cookie } });
  const body = await res.arrayBuffer();
  return { status: res.status, bytes: body.byteLength };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function main(database: BenchDatabase) {
  console.log(`database ${database.name} (PostgreSQL ${database.serverVersion}): seeding the demo data…`);
  await run("npm", ["run", "--silent", "db:seed"], { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "warn" });
  const url = await startServer(database.url);
  const partner = await signIn(url, "partner@demo.rightsbridge.test");
  const studio = await signIn(url, "studio@demo.rightsbridge.test");
  let registered = 0;

  const flows: { name: string; run: () => Promise<{ status: number; bytes: number }> }[] = [
    { name: "trivial: GET /api/health/live", run: () => page(url, "/api/health/live", "") },
    {
      name: "login → dashboard",
      run: async () => page(url, "/dashboard", await signIn(url, "studio@demo.rightsbridge.test")),
    },
    {
      name: "register → dashboard",
      run: async () => {
        const email = `bench-${process.pid}-${registered++}-${randomBytes(3).toString("hex")}@bench.rightsbridge.test`;
        const res = await fetch(`${url}/api/v1/auth/register`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: url },
          body: JSON.stringify({
            email,
            password: PASSWORD,
            name: "Bench Person",
            organization: { name: `Bench Studio ${registered}`, kind: "STUDIO", homeCountry: "CN" },
          }),
        });
        await res.arrayBuffer();
        if (res.status !== 201) throw new Error(`registration answered ${res.status}`);
        return page(url, "/dashboard", await signIn(url, email));
      },
    },
    { name: "GET /avails (partner, as it opens)", run: () => page(url, "/avails", partner) },
    { name: "GET /avails (studio, as it opens)", run: () => page(url, "/avails", studio) },
  ];

  for (let i = 0; i < options.warmup; i++) for (const f of flows) await f.run();
  const samples = flows.map(() => [] as number[]);
  const sizes = flows.map(() => 0);
  const statuses = flows.map(() => new Set<number>());
  // Alternating order (forward, backward, …) so drift in the machine's load hits every flow alike.
  for (let r = 0; r < options.runs; r++) {
    const order = r % 2 === 0 ? flows.map((_, i) => i) : flows.map((_, i) => flows.length - 1 - i);
    for (const i of order) {
      const { ms, value } = await timed(() => flows[i]!.run());
      samples[i]!.push(ms);
      sizes[i] = value.bytes;
      statuses[i]!.add(value.status);
    }
  }
  const trivial = summarize(samples[0]!);
  printTable(
    [
      { header: "flow" },
      { header: "runs", align: "right" },
      { header: "p50 ms", align: "right" },
      { header: "p95 ms", align: "right" },
      { header: "p50 − trivial", align: "right" },
      { header: "last page", align: "right" },
      { header: "status", align: "right" },
    ],
    flows.map((f, i) => {
      const s = summarize(samples[i]!);
      return [
        f.name,
        formatCount(s.n),
        s.p50.toFixed(0),
        s.p95.toFixed(0),
        i === 0 ? "" : (s.p50 - trivial.p50).toFixed(0),
        `${(sizes[i]! / 1024).toFixed(1)} kB`,
        [...statuses[i]!].join(","),
      ];
    }),
  );
  console.log(
    `load average (1/5/15 min): ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} on ${os.cpus().length} cores`,
  );
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
  await new Promise((r) => (server && server.exitCode === null ? server.once("exit", r) : r(null)));
}

if (buildIsStale(root).stale) {
  console.error(`The production build is missing or stale (${buildIsStale(root).reason}): run \`npm run build\` first.`);
  process.exit(2);
}
fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
withBenchDatabase(main, { keep: options.keep }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
