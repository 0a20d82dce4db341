/**
 * `npm run bench:http [-- --duration 60 --connections 50 --soak [--soak-seconds 600] --files | --lists [--seconds 10]]`
 *
 * HTTP load on two production servers (scripts/serve.mjs over the standalone build, as deployed)
 * sharing one throw-away database with the demo data, driven by autocannon (25 connections on each
 * server). The mix, per connection in turn: 7 reads (catalogue, avails, deals, a deal, its
 * statements and waterfall, outcomes), 2 statement/receipt writes, 1 other write (a new title) —
 * 70 / 20 / 10 %. Prints throughput, p50/p95/p99 per route, errors (non-2xx and socket errors;
 * must be 0) and each route's p50 against a trivial route (GET /api/health/live) measured on the
 * same servers just before. `--soak` runs `--soak-seconds` (600: ten minutes) with `--files` and
 * reports the servers' memory: RSS and V8 heap per minute (from /api/metrics), the peak, and the
 * RSS growth from the first to the last minute, after `--warmup` seconds (60) of the same traffic that
 * are not counted. `--files` adds two requests to each connection's
 * cycle: the contract PDF of a deal and a 300-line XLSX statement upload (dryRun: parsed in a
 * worker thread and checked, nothing written). Needs a production build (`npm run build`).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import autocannon from "autocannon";
import ExcelJS from "exceljs";
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
  "soak-seconds": { type: "int", default: 600, min: 30 },
  /** `--soak` only: seconds of the same mixed traffic before the soak, not counted (JIT, pools, caches, heap sizing). */
  warmup: { type: "int", default: 60, min: 0 },
  files: { type: "flag" },
  lists: { type: "flag" },
  seconds: { type: "int", default: 10, min: 2 },
  /** Serve the build as it is, even if sources changed since (e.g. measuring one build while editing). */
  "any-build": { type: "flag" },
  keep: { type: "flag" },
});
const root = path.resolve(__dirname, "..");
const SECRET = randomBytes(32).toString("base64url");
const METRICS_TOKEN = randomBytes(16).toString("hex");
const withFiles = options.files || options.soak;
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
      METRICS_TOKEN,
      // As the Dockerfile and `npm start` run the server (override to experiment).
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
      NODE_OPTIONS: process.env.NODE_OPTIONS ?? "--max-old-space-size=384",
      // The soak uploads far more files than an organisation's hourly import limit allows.
      IMPORT_MAX_PER_HOUR: "1000000",
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

/** Studio and partner sign a deal of a new listed title: non-exclusive, 2020–2039, Thailand, SVOD. */
async function signedBenchDeal(baseUrl: string, studio: string, partner: string, sql: pg.Client): Promise<void> {
  const call = async (cookie: string, path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "sec-fetch-site": "same-origin" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`bench deal: POST ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const { rows } = await sql.query<{ id: string }>(
    `SELECT m.organization_id AS id FROM membership m JOIN app_user u ON u.id = m.user_id WHERE u.email = 'partner@demo.rightsbridge.test'`,
  );
  const licenseeId = rows[0]?.id;
  if (!licenseeId) throw new Error("the demo data has no partner organisation");
  const title = await call(studio, "/api/v1/titles", {
    kind: "FILM",
    originalTitle: "Bench soak title",
    originalLanguage: "zh",
    year: 2025,
    visibility: "LISTED",
  });
  const deal = await call(studio, "/api/v1/deals", { name: "Bench soak deal", licenseeId, currency: "USD" });
  await call(studio, `/api/v1/deals/${deal.id}/grants`, {
    titleId: title.id,
    territories: ["TH"],
    mediaRights: ["SVOD"],
    start: "2020-01-01",
    end: "2039-12-31",
    exclusive: false,
  });
  await call(studio, `/api/v1/deals/${deal.id}/propose`);
  await call(studio, `/api/v1/deals/${deal.id}/sign`);
  await call(partner, `/api/v1/deals/${deal.id}/sign`);
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

/** V8 heap in use and external memory of a server, from its Prometheus metrics. */
async function heapOf(url: string): Promise<{ heap: number; external: number } | undefined> {
  try {
    const res = await fetch(`${url}/api/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.text();
    const metric = (name: string) => Number(new RegExp(`^rightsbridge_${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text)?.[1] ?? Number.NaN);
    return { heap: metric("nodejs_heap_size_used_bytes"), external: metric("nodejs_external_memory_bytes") };
  } catch {
    return undefined;
  }
}

/** A multipart/form-data body: text fields and one file. */
function multipart(boundary: string, fields: Record<string, string>, file: { name: string; type: string; bytes: Uint8Array }): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    Buffer.from(file.bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return Buffer.concat(parts);
}

type Route = {
  name: string;
  method: "GET" | "POST";
  path: string;
  cookie: string;
  body?: () => unknown;
  raw?: { body: Buffer; contentType: string };
};

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
  // A soak on a quiet machine submits more statements than the demo deals have free days (2,222):
  // one more signed deal, non-exclusive over twenty years (~7,300 days), made through the API.
  if (options.soak) await signedBenchDeal(a.url, studio, partner, sql);
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
  // The upload's period: one free day kept aside (a dry run writes nothing, so it stays free).
  const uploadDay = withFiles ? days.pop() : undefined;
  let upload: Route["raw"];
  if (uploadDay) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Statement");
    ws.addRow(["titleId", "territory", "mediaRight", "revenueType", "gross", "currency"]);
    for (let i = 0; i < 300; i++)
      ws.addRow([
        uploadDay.title_id,
        uploadDay.country,
        uploadDay.media,
        "STREAMING",
        `${1 + (i % 97)}.${String(i % 100).padStart(2, "0")}`,
        uploadDay.currency,
      ]);
    const boundary = "----rb-bench-upload";
    upload = {
      contentType: `multipart/form-data; boundary=${boundary}`,
      body: multipart(
        boundary,
        { periodStart: uploadDay.day, periodEnd: uploadDay.day, dryRun: "true" },
        {
          name: "statement.xlsx",
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          bytes: new Uint8Array(await wb.xlsx.writeBuffer()),
        },
      ),
    };
  }
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
  if (withFiles && uploadDay && upload)
    routes.push(
      { name: "GET /api/v1/deals/[id]/contract.pdf", method: "GET", path: `/api/v1/deals/${deal.id}/contract.pdf`, cookie: studio },
      {
        name: "POST /api/v1/deals/[id]/statements/import (XLSX, dry run)",
        method: "POST",
        path: `/api/v1/deals/${uploadDay.deal_id}/statements/import`,
        cookie: partner,
        raw: upload,
      },
    );
  const requests: autocannon.Request[] = routes.map((route) => ({
    method: route.method,
    path: route.path,
    // Signed-in writes must say they come from the app itself (the CSRF check in route()).
    headers: { cookie: route.cookie, "content-type": route.raw?.contentType ?? "application/json", "sec-fetch-site": "same-origin" },
    ...(route.raw ? { body: route.raw.body } : {}),
    setupRequest: (req: autocannon.Request) => {
      if (route.name === "POST /api/v1/deals/[id]/statements") {
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

  if (options.lists) {
    await listThroughput(servers, { studio, partner, admin: await login(a.url, "admin@demo.rightsbridge.test") }, deal.id);
    for (const s of servers) if (s.proc.pid) process.kill(-s.proc.pid, "SIGTERM");
    await Promise.all(servers.map((s) => new Promise((r) => (s.proc.exitCode !== null ? r(null) : s.proc.once("exit", r)))));
    return;
  }

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

  const duration = options.soak ? options["soak-seconds"] : options.duration;
  console.log(
    `mixed traffic${withFiles ? " with PDFs and uploads" : ""}: ${duration} s at ${perServerConnections * 2} connections over 2 servers…`,
  );
  if (options.soak && options.warmup > 0) {
    console.log(`warm-up: ${options.warmup} s of the same traffic, not counted…`);
    await load(options.warmup, true, (s) => ({ url: s.url, connections: perServerConnections, requests, timeout: 30 }));
    console.log(
      `after the warm-up: RSS ${servers.map((s) => (s.proc.pid ? (rssOf(s.proc.pid) / 2 ** 20).toFixed(0) : "?")).join(" / ")} MB`,
    );
  }
  const rss: { at: number; bytes: number; each: number[]; heap: number[]; external: number[] }[] = [];
  const sampleMemory = async () => {
    const each = servers.map((s) => (s.proc.pid ? rssOf(s.proc.pid) : 0));
    const heaps = await Promise.all(servers.map((s) => heapOf(s.url)));
    rss.push({
      at: Date.now(),
      bytes: each.reduce((a, b) => a + b, 0),
      each,
      heap: heaps.map((h) => h?.heap ?? Number.NaN),
      external: heaps.map((h) => h?.external ?? Number.NaN),
    });
  };
  const rssTimer = setInterval(() => void sampleMemory(), 5_000);
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
  if (options.soak && rss.length > 0) {
    const mb = (n: number) => (Number.isFinite(n) ? (n / 2 ** 20).toFixed(0) : "?");
    const t0 = rss[0]?.at ?? started;
    const minutes: string[][] = [];
    for (let m = 0; m * 60_000 <= (rss[rss.length - 1]?.at ?? t0) - t0; m++) {
      const inMinute = rss.filter((x) => x.at - t0 >= m * 60_000 && x.at - t0 < (m + 1) * 60_000);
      const last = inMinute[inMinute.length - 1];
      if (!last) continue;
      const peak = Math.max(...inMinute.flatMap((x) => x.each));
      minutes.push([String(m + 1), ...last.each.map(mb), mb(peak), ...last.heap.map(mb), ...last.external.map(mb)]);
    }
    console.log("\nmemory by minute (MB; the last sample of each minute, peak = highest RSS of one server in that minute)");
    printTable(
      [
        { header: "minute", align: "right" },
        { header: "RSS A", align: "right" },
        { header: "RSS B", align: "right" },
        { header: "peak", align: "right" },
        { header: "heap A", align: "right" },
        { header: "heap B", align: "right" },
        { header: "external A", align: "right" },
        { header: "external B", align: "right" },
      ],
      minutes,
    );
    const peak = Math.max(...rss.flatMap((x) => x.each));
    console.log(`peak RSS of one server: ${mb(peak)} MB`);
  }
  if (rss.length >= 4) {
    const minute = Math.min(12, Math.floor(rss.length / 2));
    const avg = (xs: typeof rss) => xs.reduce((sum, x) => sum + x.bytes, 0) / xs.length;
    const first = avg(rss.slice(0, minute));
    const last = avg(rss.slice(-minute));
    console.log(
      `memory (RSS of both servers, ${(rss.reduce((m, x) => Math.max(m, ...x.each), 0) / 2 ** 20).toFixed(0)} MB peak of one): first ${minute * 5} s ${(first / 2 ** 20).toFixed(0)} MB, last ${minute * 5} s ${(last / 2 ** 20).toFixed(0)} MB: ${(((last - first) / first) * 100).toFixed(1)}% growth`,
    );
  }
  for (const s of servers) if (s.proc.pid) process.kill(-s.proc.pid, "SIGTERM");
  await Promise.all(servers.map((s) => new Promise((r) => (s.proc.exitCode !== null ? r(null) : s.proc.once("exit", r)))));
  if (errors > 0) process.exitCode = 1;
}

/**
 * `--lists`: requests per second of every list endpoint, one route at a time over both servers
 * (the same connections), beside GET /api/v1/me (the session check plus one query) measured in the
 * same run. Each route runs twice, in the order A B C … then … C B A, so drift in the machine's
 * load reaches every route alike; the goal is ≥ 0.5× the throughput of /me.
 */
async function listThroughput(servers: { url: string }[], cookies: { studio: string; partner: string; admin: string }, dealId: string) {
  const { studio, partner, admin } = cookies;
  const first = async (path: string, cookie: string) => {
    const res = await fetch(`${servers[0]!.url}${path}`, { headers: { cookie } });
    const body = (await res.json()) as { items?: { id: string }[] };
    return { status: res.status, body };
  };
  const titleId = (await first("/api/v1/titles?limit=1", studio)).body.items?.[0]?.id;
  const advanceId = (await first("/api/v1/advances?limit=1", studio)).body.items?.[0]?.id;
  const editId = (await first("/api/v1/edit-requests?limit=1", studio)).body.items?.[0]?.id;
  const programmeId = (await first("/api/v1/programmes", admin)).body.items?.[0]?.id;
  const candidates: { name: string; path: string; cookie: string }[] = [
    { name: "GET /api/v1/me (baseline)", path: "/api/v1/me", cookie: studio },
    { name: "GET /api/v1/titles (marketplace)", path: "/api/v1/titles?limit=20", cookie: partner },
    { name: "GET /api/v1/titles (studio)", path: "/api/v1/titles?limit=50", cookie: studio },
    {
      name: "GET /api/v1/avails (TH, 2026, marketplace)",
      path: "/api/v1/avails?start=2026-01-01&end=2026-12-31&territories=TH",
      cookie: partner,
    },
    { name: "GET /api/v1/deals", path: "/api/v1/deals?limit=20", cookie: studio },
    { name: "GET /api/v1/deals/[id]/statements", path: `/api/v1/deals/${dealId}/statements`, cookie: studio },
    { name: "GET /api/v1/deals/[id]/receipts", path: `/api/v1/deals/${dealId}/receipts`, cookie: studio },
    { name: "GET /api/v1/deals/[id]/creator-statements", path: `/api/v1/deals/${dealId}/creator-statements`, cookie: studio },
    { name: "GET /api/v1/statements", path: "/api/v1/statements", cookie: studio },
    { name: "GET /api/v1/outcomes", path: "/api/v1/outcomes", cookie: studio },
    { name: "GET /api/v1/edit-requests", path: "/api/v1/edit-requests", cookie: studio },
    ...(editId
      ? [{ name: "GET /api/v1/edit-requests/[id]/comments", path: `/api/v1/edit-requests/${editId}/comments`, cookie: studio }]
      : []),
    { name: "GET /api/v1/notifications", path: "/api/v1/notifications", cookie: studio },
    { name: "GET /api/v1/api-keys", path: "/api/v1/api-keys", cookie: studio },
    { name: "GET /api/v1/members", path: "/api/v1/members", cookie: studio },
    { name: "GET /api/v1/invitations", path: "/api/v1/invitations", cookie: studio },
    { name: "GET /api/v1/counterparties", path: "/api/v1/counterparties", cookie: studio },
    { name: "GET /api/v1/advances", path: "/api/v1/advances", cookie: studio },
    ...(advanceId
      ? [{ name: "GET /api/v1/advances/[id]/documents", path: `/api/v1/advances/${advanceId}/documents`, cookie: studio }]
      : []),
    ...(titleId ? [{ name: "GET /api/v1/titles/[id]/versions", path: `/api/v1/titles/${titleId}/versions`, cookie: studio }] : []),
    { name: "GET /api/v1/fx-rates", path: "/api/v1/fx-rates", cookie: studio },
    { name: "GET /api/v1/audit", path: "/api/v1/audit", cookie: studio },
    { name: "GET /api/v1/programmes", path: "/api/v1/programmes", cookie: admin },
    ...(programmeId
      ? [{ name: "GET /api/v1/programmes/[id]/applications", path: `/api/v1/programmes/${programmeId}/applications`, cookie: admin }]
      : []),
    { name: "GET /api/v1/organizations (platform)", path: "/api/v1/organizations", cookie: admin },
    { name: "GET /api/v1/platform/outbox", path: "/api/v1/platform/outbox", cookie: admin },
    { name: "GET /api/v1/outcomes/platform", path: "/api/v1/outcomes/platform", cookie: admin },
  ];
  // A route the demo account may not call (or that needs what the demo data lacks) is named and left out.
  const routes: typeof candidates = [];
  for (const r of candidates) {
    const { status, body } = await first(r.path, r.cookie);
    if (status === 200) routes.push(r);
    else console.log(`left out: ${r.name} answered ${status} ${JSON.stringify(body).slice(0, 200)}`);
  }
  if (routes[0]?.name !== candidates[0]?.name) throw new Error("GET /api/v1/me did not answer 200");
  const perServer = Math.max(1, Math.floor(options.connections / 2));
  console.log(
    `list endpoints: ${routes.length} routes × 2 halves of ${options.seconds / 2} s at ${perServer * 2} connections over 2 servers…`,
  );
  const measured = new Map<string, { requests: number; seconds: number; latencies: number[]; errors: number }>();
  const phase = async (r: (typeof routes)[number]) => {
    const results = await Promise.all(
      servers.map(
        (server) =>
          new Promise<autocannon.Result>((resolve, reject) => {
            autocannon(
              {
                url: `${server.url}${r.path}`,
                connections: perServer,
                duration: options.seconds / 2,
                headers: { cookie: r.cookie },
                timeout: 30,
              },
              (error, result) => (error ? reject(error) : resolve(result)),
            );
          }),
      ),
    );
    const m = measured.get(r.name) ?? { requests: 0, seconds: 0, latencies: [], errors: 0 };
    for (const res of results) {
      m.requests += res.requests.total;
      m.errors += res.non2xx + res.errors;
      m.latencies.push(res.latency.p50);
    }
    m.seconds += options.seconds / 2;
    measured.set(r.name, m);
  };
  for (const r of [...routes, ...[...routes].reverse()]) await phase(r);
  const rps = (name: string) => {
    const m = measured.get(name)!;
    return m.requests / m.seconds;
  };
  const meRps = rps(routes[0]!.name);
  let errors = 0;
  printTable(
    [
      { header: "route" },
      { header: "requests", align: "right" },
      { header: "req/s", align: "right" },
      { header: "p50 ms", align: "right" },
      { header: "÷ /me", align: "right" },
      { header: "≥ 0.5×", align: "right" },
      { header: "errors", align: "right" },
    ],
    routes.map((r) => {
      const m = measured.get(r.name)!;
      errors += m.errors;
      const x = rps(r.name) / meRps;
      const p50 = m.latencies.reduce((sum, v) => sum + v, 0) / m.latencies.length;
      return [
        r.name,
        formatCount(m.requests),
        rps(r.name).toFixed(0),
        p50.toFixed(0),
        `${x.toFixed(2)}x`,
        x >= 0.5 ? "yes" : "NO",
        String(m.errors),
      ];
    }),
  );
  console.log("\np50: the mean of each half's and server's median (autocannon's); ÷ /me: req/s over GET /api/v1/me's in the same run");
  if (errors > 0) process.exitCode = 1;
}

if (!options["any-build"] && buildIsStale(root).stale) {
  console.error(`The production build is missing or stale (${buildIsStale(root).reason}): run \`npm run build\` first.`);
  process.exit(2);
}
fs.mkdirSync(path.join(root, "test-results"), { recursive: true });
withBenchDatabase(main, { keep: options.keep }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
