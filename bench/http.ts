/**
 * `npm run bench:http [-- --duration 60 --connections 50 --soak]`
 *
 * HTTP load on two production servers (scripts/serve.mjs over the standalone build, as deployed)
 * sharing one throw-away database with the demo data, driven by autocannon (25 connections on each
 * server). The mix, per connection in turn: 7 reads (catalogue, avails, deals, a deal, its
 * statements and waterfall, outcomes), 2 statement/receipt writes, 1 other write (a new title) —
 * 70 / 20 / 10 %. Prints throughput, p50/p95/p99 per route, errors (non-2xx and socket errors;
 * must be 0) and each route's p50 against a trivial route (GET /api/health/live) measured on the
 * same servers just before. `--soak` runs 5 minutes and reports the servers' memory (RSS) growth
 * from the first to the last minute. Needs a production build (`npm run build`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { buildIsStale } from "../scripts/build-status";
import { benchOptions } from "./lib/args";
import { type BenchDatabase, withBenchDatabase } from "./lib/database";
import { summarize } from "./lib/stats";
import { formatCount, printTable } from "./lib/table";

const options = benchOptions({
  duration: { type: "int", default: 60, min: 5 },
  connections: { type: "int", default: 50, min: 2 },
  baseline: { type: "int", default: 10, min: 2 },
  soak: { type: "flag" },
  keep: { type: "flag" },
});
const root = path.resolve(__dirname, "..");
const SECRET = randomBytes(32).toString("base64url");
const running: ChildProcess[] = [];
process.once("exit", () => {
  for (const p of running) if (p.pid && p.exitCode === null) process.kill(-p.pid, "SIGKILL");
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

async function startServer(databaseUrl: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = fs.openSync(path.join(root, "test-results", `bench-http-${port}.log`), "w");
  const proc = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
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
    },
  });
  fs.closeSync(log);
  running.push(proc);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/api/health/live`)).ok) return { url, proc };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${url} did not start`);
}

async function login(baseUrl: string, email: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password: "demo-rights-2026", json: "true" }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c?.includes("next-auth.session-token="));
  if (!cookie) throw new Error(`login of ${email} failed (${res.status})`);
  return cookie;
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

type Route = { name: string; method: "GET" | "POST"; path: string; cookie: string; body?: () => unknown };

async function main(database: BenchDatabase) {
  console.log(`database ${database.name} (PostgreSQL ${database.serverVersion}): seeding the demo data…`);
  await run("npm", ["run", "--silent", "db:seed"], { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "warn" });
  const [a, b] = await Promise.all([startServer(database.url), startServer(database.url)]);
  const servers = [a, b];
  const studio = await login(a.url, "studio@demo.rightsbridge.test");
  const partner = await login(a.url, "partner@demo.rightsbridge.test");

  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  const { rows: deals } = await sql.query(
    `SELECT d.id, d.currency FROM deal d
     JOIN membership ml ON ml.organization_id = d.licensor_id JOIN app_user ul ON ul.id = ml.user_id AND ul.email = 'studio@demo.rightsbridge.test'
     JOIN membership me ON me.organization_id = d.licensee_id JOIN app_user ue ON ue.id = me.user_id AND ue.email = 'partner@demo.rightsbridge.test'
     WHERE d.status = 'SIGNED' ORDER BY d.created_at`,
  );
  if (deals.length === 0) throw new Error("the demo data has no signed deal between studio@ and partner@");
  const deal = deals[0] as { id: string; currency: string };
  const balance = (await (await fetch(`${a.url}/api/v1/deals/${deal.id}/balance`, { headers: { cookie: studio } })).json()) as {
    instalments: { index: number; open: { amount: string } }[];
  };
  const instalment = balance.instalments.sort((x, y) => Number(y.open.amount) - Number(x.open.amount))[0];
  if (!instalment || Number(instalment.open.amount) < 5_000) throw new Error("no open MG instalment to record receipts against");
  // Statement periods: single free days of every signed deal the partner licenses, each used once.
  const { rows: partnerDeals } = await sql.query(
    `SELECT d.id FROM deal d
     JOIN membership me ON me.organization_id = d.licensee_id JOIN app_user ue ON ue.id = me.user_id AND ue.email = 'partner@demo.rightsbridge.test'
     WHERE d.status = 'SIGNED'`,
  );
  const { rows: days } = await sql.query<{
    deal_id: string;
    currency: string;
    day: string;
    title_id: string;
    country: string;
    media: string;
  }>(
    `SELECT DISTINCT ON (s.deal_id, d) s.deal_id, dl.currency, to_char(d, 'YYYY-MM-DD') AS day, s.title_id, s.country, s.media
     FROM grant_slice s JOIN deal dl ON dl.id = s.deal_id AND dl.id = ANY($1::uuid[]),
          generate_series(s.start, s."end", interval '1 day') d
     WHERE NOT s.holdback
       AND NOT EXISTS (SELECT 1 FROM statement st WHERE st.deal_id = s.deal_id AND st.counting AND d BETWEEN st.period_start AND st.period_end)
     ORDER BY s.deal_id, d, s.title_id`,
    [partnerDeals.map((d: { id: string }) => d.id)],
  );
  console.log(`${days.length} free statement days on ${partnerDeals.length} signed deal(s) of the partner`);
  await sql.end();
  let nextDay = 0;
  let nextTitle = 0;

  const routes: Route[] = [
    { name: "GET /api/v1/titles (catalogue)", method: "GET", path: "/api/v1/titles?limit=20", cookie: partner },
    { name: "GET /api/v1/avails", method: "GET", path: "/api/v1/avails?start=2026-01-01&end=2026-12-31&territories=TH", cookie: partner },
    { name: "GET /api/v1/deals", method: "GET", path: "/api/v1/deals?limit=20", cookie: studio },
    { name: "GET /api/v1/deals/[id]", method: "GET", path: `/api/v1/deals/${deal.id}`, cookie: studio },
    {
      name: "POST /api/v1/deals/[id]/receipts",
      method: "POST",
      path: `/api/v1/deals/${deal.id}/receipts`,
      cookie: studio,
      body: () => ({
        kind: "MG_INSTALMENT",
        instalmentIndex: instalment.index,
        amount: { amount: "1.00", currency: deal.currency },
        receivedOn: "2026-01-15",
      }),
    },
    { name: "GET /api/v1/deals/[id]/statements (waterfall)", method: "GET", path: `/api/v1/deals/${deal.id}/statements`, cookie: studio },
    { name: "GET /api/v1/outcomes", method: "GET", path: "/api/v1/outcomes", cookie: studio },
    { name: "POST /api/v1/deals/[id]/statements", method: "POST", path: "", cookie: partner, body: () => undefined },
    { name: "GET /api/v1/titles (studio)", method: "GET", path: "/api/v1/titles?limit=50", cookie: studio },
    {
      name: "POST /api/v1/titles",
      method: "POST",
      path: "/api/v1/titles",
      cookie: studio,
      body: () => ({
        kind: "FILM",
        originalTitle: `Bench title ${nextTitle++}`,
        originalLanguage: "zh",
        year: 2025,
        visibility: "PRIVATE",
      }),
    },
  ];
  const requests: autocannon.Request[] = routes.map((route) => ({
    method: route.method,
    path: route.path,
    headers: { cookie: route.cookie, "content-type": "application/json" },
    setupRequest: (req: autocannon.Request) => {
      if (route.name.startsWith("POST /api/v1/deals/[id]/statements")) {
        const slot = days[nextDay++];
        if (!slot)
          throw new Error(
            `ran out of free statement days after ${nextDay - 1} statements: run shorter (--duration) or with fewer connections`,
          );
        return {
          ...req,
          path: `/api/v1/deals/${slot.deal_id}/statements`,
          body: JSON.stringify({
            periodStart: slot.day,
            periodEnd: slot.day,
            lines: [
              {
                titleId: slot.title_id,
                territory: slot.country,
                mediaRight: slot.media,
                revenueType: "STREAMING",
                gross: { amount: "10.00", currency: slot.currency },
              },
            ],
          }),
        };
      }
      return route.body ? { ...req, body: JSON.stringify(route.body()) } : req;
    },
  }));

  const load = async (seconds: number, mixedRoutes: boolean, perServer: (server: { url: string }) => autocannon.Options) => {
    const samples = new Map<string, number[]>();
    const statuses = new Map<string, Map<number, number>>();
    let socketErrors = 0;
    const results = await Promise.all(
      servers.map(
        (server) =>
          new Promise<autocannon.Result>((resolve, reject) => {
            const counters = new WeakMap<object, number>();
            const instance = autocannon({ ...perServer(server), duration: seconds }, (error, result) =>
              error ? reject(error) : resolve(result),
            );
            instance.on("response", (client: object, statusCode: number, _bytes: number, ms: number) => {
              const i = counters.get(client) ?? 0;
              counters.set(client, i + 1);
              const name = mixedRoutes ? (routes[i % routes.length]?.name ?? "?") : "GET /api/health/live";
              if (!samples.has(name)) samples.set(name, []);
              samples.get(name)?.push(ms);
              const byStatus = statuses.get(name) ?? new Map<number, number>();
              byStatus.set(statusCode, (byStatus.get(statusCode) ?? 0) + 1);
              statuses.set(name, byStatus);
            });
            instance.on("reqError", () => {
              socketErrors++;
            });
          }),
      ),
    );
    return { samples, statuses, socketErrors, results };
  };

  const perServerConnections = Math.max(1, Math.floor(options.connections / 2));
  console.log(`trivial route: GET /api/health/live, ${options.baseline} s at ${perServerConnections * 2} connections over 2 servers…`);
  const trivial = await load(options.baseline, false, (s) => ({ url: `${s.url}/api/health/live`, connections: perServerConnections }));
  const trivialSummary = summarize(trivial.samples.get("GET /api/health/live") ?? []);
  const trivialRps = trivial.results.reduce((sum, r) => sum + r.requests.average, 0);

  const duration = options.soak ? 300 : options.duration;
  console.log(`mixed traffic: ${duration} s at ${perServerConnections * 2} connections over 2 servers…`);
  const rss: { at: number; bytes: number }[] = [];
  const rssTimer = setInterval(() => {
    rss.push({ at: Date.now(), bytes: servers.reduce((sum, s) => sum + (s.proc.pid ? rssOf(s.proc.pid) : 0), 0) });
  }, 5_000);
  const started = Date.now();
  const mixed = await load(duration, true, (s) => ({ url: s.url, connections: perServerConnections, requests, timeout: 30 }));
  clearInterval(rssTimer);
  const seconds = (Date.now() - started) / 1000;

  let total = 0;
  let errors = mixed.socketErrors;
  const rows = routes.map((route) => {
    const s = summarize(mixed.samples.get(route.name) ?? []);
    const byStatus = mixed.statuses.get(route.name) ?? new Map<number, number>();
    const bad = [...byStatus.entries()].filter(([code]) => code < 200 || code >= 300).reduce((sum, [, n]) => sum + n, 0);
    errors += bad;
    total += s.n;
    return [
      route.name,
      formatCount(s.n),
      s.p50.toFixed(0),
      s.p95.toFixed(0),
      s.p99.toFixed(0),
      `${(s.p50 / Math.max(trivialSummary.p50, 1)).toFixed(1)}x`,
      bad ? [...byStatus.entries()].map(([c, n]) => `${c}:${n}`).join(" ") : "0",
    ];
  });
  printTable(
    [
      { header: "route" },
      { header: "requests", align: "right" },
      { header: "p50 ms", align: "right" },
      { header: "p95 ms", align: "right" },
      { header: "p99 ms", align: "right" },
      { header: "p50 / trivial", align: "right" },
      { header: "errors", align: "right" },
    ],
    [
      ...rows,
      null,
      [
        "trivial: GET /api/health/live",
        formatCount(trivialSummary.n),
        trivialSummary.p50.toFixed(0),
        trivialSummary.p95.toFixed(0),
        trivialSummary.p99.toFixed(0),
        "1.0x",
        "0",
      ],
    ],
  );
  console.log(
    `\nthroughput: ${(total / seconds).toFixed(1)} req/s mixed (trivial route: ${trivialRps.toFixed(0)} req/s); ${formatCount(total)} requests in ${seconds.toFixed(0)} s; errors: ${errors}${mixed.socketErrors ? ` (${mixed.socketErrors} socket)` : ""}`,
  );
  if (rss.length >= 4) {
    const minute = Math.min(12, Math.floor(rss.length / 2));
    const avg = (xs: typeof rss) => xs.reduce((sum, x) => sum + x.bytes, 0) / xs.length;
    const first = avg(rss.slice(0, minute));
    const last = avg(rss.slice(-minute));
    console.log(
      `memory (RSS of both servers): first ${minute * 5} s ${(first / 2 ** 20).toFixed(0)} MB, last ${minute * 5} s ${(last / 2 ** 20).toFixed(0)} MB: ${(((last - first) / first) * 100).toFixed(1)}% growth`,
    );
  }
  for (const s of servers) if (s.proc.pid) process.kill(-s.proc.pid, "SIGTERM");
  await Promise.all(servers.map((s) => new Promise((r) => (s.proc.exitCode !== null ? r(null) : s.proc.once("exit", r)))));
  if (errors > 0) process.exitCode = 1;
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
