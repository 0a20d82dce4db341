/**
 * Two production servers (A, B) and two workers on one database, as compose.yaml runs them:
 * nothing an instance needs lives in its own memory or disk.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  copyOfTemplate,
  type Database,
  login,
  type Proc,
  type Server,
  startServer,
  startWorkerProcess,
  waitFor,
  waitLive,
} from "./harness";

let database: Database;
let a: Server;
let b: Server;
let workers: Proc[] = [];
let sql: pg.Client;
const startedAt = Date.now();

beforeAll(async () => {
  database = await copyOfTemplate("multi");
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  // Every minute instead of hourly, so the test sees scheduled runs; both workers schedule it.
  const workerEnv = { JOB_CRON_DEAL_EXPIRY: "* * * * *" };
  workers = [startWorkerProcess("multi-worker-1", database.url, workerEnv), startWorkerProcess("multi-worker-2", database.url, workerEnv)];
  [a, b] = await Promise.all([
    startServer("multi-a", { databaseUrl: database.url, env: { LOG_LEVEL: "info" } }),
    startServer("multi-b", { databaseUrl: database.url }),
  ]);
  await Promise.all([waitLive(a), waitLive(b)]);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), ...workers.map((w) => w.stop())]);
  await sql?.end();
  await database?.drop();
});

describe("two servers and two workers on one database", () => {
  it("are ready: database, migrations and a worker heartbeat", async () => {
    for (const server of [a, b]) {
      await waitFor(`${server.url}/api/health/ready`, { status: 200, timeoutMs: 60_000 });
      const ready = await call(server.url, "/api/health/ready");
      expect(ready.body).toEqual({ status: "ok", checks: { database: "ok", migrations: "ok", worker: "ok" } });
    }
    // Readiness needs one live worker; both beat once started (the second may still be starting).
    const deadline = Date.now() + 60_000;
    let live = 0;
    while (Date.now() < deadline) {
      const { rows } = await sql.query("SELECT count(*)::int AS n FROM worker_heartbeat WHERE beat_at > now() - interval '2 minutes'");
      live = rows[0].n;
      if (live >= 2) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(live).toBe(2);
  });

  it("the server sets x-rightsbridge-peer from the socket, whatever the client sends", async () => {
    const requestId = `peer-check-${Date.now()}`;
    const res = await call(a.url, "/api/health/live", { headers: { "x-rightsbridge-peer": "203.0.113.9", "x-request-id": requestId } });
    expect(res.status).toBe(200);
    let line: string | undefined;
    for (let i = 0; i < 20 && !line; i++) {
      line = a
        .log()
        .split("\n")
        .find((l) => l.includes(requestId));
      if (!line) await new Promise((r) => setTimeout(r, 100));
    }
    expect(JSON.parse(line ?? "{}")).toMatchObject({ requestId, peer: "127.0.0.1" });
  });

  it("a session made on A works on B", async () => {
    const { cookie } = await login(a.url, "studio@demo.rightsbridge.test");
    expect(cookie).toBeDefined();
    const onB = await call(b.url, "/api/v1/me", { cookie });
    expect(onB.status).toBe(200);
    expect(onB.body.user.email).toBe("studio@demo.rightsbridge.test");
    expect((await call(b.url, "/api/v1/me")).status).toBe(401);
  });

  it("the login limit counts failures on A and B together", async () => {
    const email = "partner.br@demo.rightsbridge.test";
    for (const [i, server] of [a, b, a, b, a].entries()) {
      expect((await login(server.url, email, `wrong password ${i}`)).error).toBe("CredentialsSignin");
    }
    // The sixth attempt, with the right password, is refused on either instance.
    expect(await login(b.url, email)).toEqual({ error: "RATE_LIMITED" });
    expect(await login(a.url, email)).toEqual({ error: "RATE_LIMITED" });
  });

  it("a poster uploaded to A is served by B", async () => {
    const { cookie } = await login(a.url, "studio@demo.rightsbridge.test");
    const titles = await call(a.url, "/api/v1/titles?limit=1", { cookie });
    const titleId: string = titles.body.items[0].id;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 500 }, (_, i) => i % 251)]);
    const form = new FormData();
    form.set("file", new File([png], "poster.png", { type: "image/png" }));
    const put = await call(a.url, `/api/v1/titles/${titleId}/poster`, { method: "POST", body: form, cookie });
    expect(put.status).toBe(200);

    const res = await fetch(`${b.url}/api/v1/titles/${titleId}/poster`, { headers: { cookie: cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
  });

  it("20 concurrent disbursements over A and B with different idempotency keys pay once", async () => {
    const { cookie } = await login(a.url, "finance.ops@demo.rightsbridge.test");
    const approved = await call(a.url, "/api/v1/advances?status=APPROVED", { cookie });
    expect(approved.status).toBe(200);
    const advanceId: string = approved.body.items[0].id;

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(i % 2 === 0 ? a.url : b.url, `/api/v1/advances/${advanceId}/disbursements`, {
          method: "POST",
          cookie,
          headers: { "idempotency-key": `ops-race-${i}` },
          json: { note: `wire ${i}`, paymentReference: `OPS-${i}`, valueDate: "2026-12-01", payingAccount: "Ops account" },
        }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const { rows } = await sql.query(
      `SELECT (SELECT count(*)::int FROM disbursement WHERE advance_id = $1) AS disbursements,
              (SELECT count(*)::int FROM ledger_entry WHERE advance_id = $1 AND kind = 'DISBURSEMENT') AS ledger`,
      [advanceId],
    );
    expect(rows[0]).toEqual({ disbursements: 1, ledger: 1 });
  });

  it("a scheduled job runs once per slot although both workers schedule it", async () => {
    // How pg-boss keeps a slot single: each cron check (every 15 s, shared by the workers) inserts a
    // "send-it" job that is a singleton per clock minute, so only a minute's first check gets in; the
    // send-it sends one deal-expiry job, and a worker runs each job once. Read from pg-boss's own
    // tables rather than from timing: a slot's run may start late (cron check + send-it worker +
    // queue poll), so two slots' runs can start seconds apart on a busy machine.
    const scheduledRuns = async () =>
      (
        await sql.query<{ queue_job_id: string | null; started: Date }>(
          "SELECT queue_job_id, started_at AS started FROM job_run WHERE name = 'deal-expiry' AND source = 'schedule' ORDER BY started_at",
        )
      ).rows;
    const deadline = startedAt + 150_000;
    let runs = await scheduledRuns();
    while (runs.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000));
      runs = await scheduledRuns();
    }
    expect(runs.length).toBeGreaterThan(0);
    // One more cron check (15 s) of both workers after the first run: a second send-it for that
    // minute, if anything let one in, would have been sent and run by now.
    const wait = runs[0]!.started.getTime() + 20_000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    runs = await scheduledRuns();

    const jobs = (name: string, extra = "") =>
      sql.query<{ id: string; singleton_on: Date | null }>(
        `SELECT id::text, singleton_on FROM pgboss.job WHERE name = $1 ${extra}
         UNION ALL SELECT id::text, singleton_on FROM pgboss.archive WHERE name = $1 ${extra}`,
        [name],
      );
    const sendIts = (await jobs("__pgboss__send-it", "AND data->>'name' = 'deal-expiry'")).rows;
    const expiryJobs = (await jobs("deal-expiry")).rows;
    // One send-it per minute, whichever worker's check came first…
    const minutes = sendIts.map((j) => j.singleton_on?.toISOString() ?? "none");
    expect(minutes).not.toContain("none");
    expect(new Set(minutes).size).toBe(minutes.length);
    // …one deal-expiry job per send-it, and each job run once, by a worker.
    expect(expiryJobs.length).toBeLessThanOrEqual(sendIts.length);
    const ranJobs = runs.map((r) => r.queue_job_id);
    expect(ranJobs).not.toContain(null);
    expect(new Set(ranJobs).size).toBe(ranJobs.length);
    expect(ranJobs.every((id) => expiryJobs.some((j) => j.id === id))).toBe(true);
    const { rows } = await sql.query(
      "SELECT DISTINCT status::text, worker_id IS NOT NULL AS by_worker FROM job_run WHERE name = 'deal-expiry'",
    );
    expect(rows).toEqual([{ status: "SUCCEEDED", by_worker: true }]);
  }, 200_000);
});
