/**
 * Faults an operator meets: a deploy's SIGTERM, an instance killed mid-load, the database gone
 * for 20 seconds. Each against real production servers (scripts/serve.mjs) on one database.
 */
import http from "node:http";
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, copyOfTemplate, type Database, login, npmRun, type Server, startPgProxy, startServer, waitFor, waitLive } from "./harness";

let database: Database;
let sql: pg.Client;
let a: Server;
let b: Server;
let c: Server;
let viaProxy: Server;
let proxy: Awaited<ReturnType<typeof startPgProxy>>;

beforeAll(async () => {
  database = await copyOfTemplate("faults");
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  const target = new URL(database.url);
  proxy = await startPgProxy({ host: target.hostname, port: Number(target.port || 5432) });
  const proxied = new URL(database.url);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  [a, b, c, viaProxy] = await Promise.all([
    startServer("faults-a", { databaseUrl: database.url }),
    startServer("faults-b", { databaseUrl: database.url }),
    startServer("faults-c", { databaseUrl: database.url }),
    startServer("faults-proxied", {
      databaseUrl: proxied.toString(),
      env: { HEALTH_WORKER_CHECK: "off", DATABASE_CONNECT_TIMEOUT_MS: "3000" },
    }),
  ]);
  await Promise.all([a, b, c, viaProxy].map(waitLive));
});

afterAll(async () => {
  await Promise.all([a, b, c, viaProxy].map((s) => s?.stop()));
  await proxy?.close();
  await sql?.end();
  await database?.drop();
});

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

describe("SIGTERM", () => {
  it("stops accepting, finishes the request in flight, closes the pool and exits 0", async () => {
    const { cookie } = await login(c.url, "studio@demo.rightsbridge.test");
    const titles = await call(c.url, "/api/v1/titles?limit=1", { cookie });
    const titleId: string = titles.body.items[0].id;
    const boundary = "----rb-ops-drain";
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 2000 }, () => 9)]);
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const body = Buffer.concat([head, png, tail]);

    // A request whose body is still arriving when the signal comes: it is in flight.
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = http.request(
        `${c.url}/api/v1/titles/${titleId}/poster`,
        {
          method: "POST",
          headers: {
            cookie: cookie!,
            origin: new URL(c.url).origin,
            "content-type": `multipart/form-data; boundary=${boundary}`,
            "content-length": body.byteLength,
          },
        },
        (res) => {
          let text = "";
          res.on("data", (d: Buffer) => {
            text += d.toString();
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on("error", reject);
      req.write(body.subarray(0, 100));
      setTimeout(() => {
        c.signal("SIGTERM");
        setTimeout(async () => {
          try {
            // Draining: new connections are refused while the upload is still being sent.
            expect(await refused(c.port)).toBe(true);
            req.end(body.subarray(100));
          } catch (error) {
            reject(error);
          }
        }, 1_500);
      }, 300);
    });
    const done = await answer;
    expect(done.status).toBe(200);
    expect(JSON.parse(done.text).posterUrl).toContain(titleId);
    const exit = await c.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    const log = c.log();
    expect(log).toMatch(/"msg":"serve.stopped".*"unfinished":0/);
    expect(log).toMatch(/"hooks":\["database"\]/);
  }, 60_000);
});

describe("readiness while draining", () => {
  it("answers 503 draining from the SIGTERM on, keeps serving for SHUTDOWN_READY_DELAY_MS, then stops and exits 0", async () => {
    const d = await startServer("faults-drain-ready", {
      databaseUrl: database.url,
      env: { HEALTH_WORKER_CHECK: "off", SHUTDOWN_READY_DELAY_MS: "6000" },
    });
    try {
      await waitLive(d);
      await waitFor(`${d.url}/api/health/ready`, { status: 200, proc: d });
      d.signal("SIGTERM");
      // The load balancer's next health check sees 503 while the instance still answers others.
      let ready = await call(d.url, "/api/health/ready");
      const until = Date.now() + 4_000;
      while (ready.status === 200 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        ready = await call(d.url, "/api/health/ready");
      }
      expect(ready.status).toBe(503);
      expect(ready.headers.get("content-type")).toContain("application/json");
      expect(ready.body).toMatchObject({ status: "unavailable", draining: true, checks: { database: "ok", migrations: "ok" } });
      expect((await call(d.url, "/api/health/live")).status).toBe(200);
      const exit = await d.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      expect(await refused(d.port)).toBe(true);
      expect(d.log()).toMatch(/"msg":"serve.stopped"/);
    } finally {
      await d.stop();
    }
  }, 120_000);
});

describe("SIGKILL of one instance in the middle of a write load", () => {
  it("keeps every 2xx, writes nothing by halves, and the survivor serves the retries", async () => {
    const studio = (await login(a.url, "studio@demo.rightsbridge.test")).cookie!;
    const partner = (await login(a.url, "partner@demo.rightsbridge.test")).cookie!;
    // A signed deal between the two with an open MG instalment, a granted title/country/media and
    // enough free single days for statements (within the grant, in the past, outside every
    // counting statement). The demo has several such deals; the first that fits is used. When the
    // free days run out, the load goes on with receipts alone.
    const { rows: candidates } = await sql.query(
      `SELECT DISTINCT ON (d.id) d.id, d.currency, d.created_at, s.title_id, s.country, s.media FROM deal d
       JOIN membership ml ON ml.organization_id = d.licensor_id JOIN app_user ul ON ul.id = ml.user_id AND ul.email = 'studio@demo.rightsbridge.test'
       JOIN membership me ON me.organization_id = d.licensee_id JOIN app_user ue ON ue.id = me.user_id AND ue.email = 'partner@demo.rightsbridge.test'
       JOIN grant_slice s ON s.deal_id = d.id AND NOT s.holdback
       WHERE d.status = 'SIGNED' ORDER BY d.id, s."end" - s.start DESC`,
    );
    let deal: { id: string; currency: string; title_id: string; country: string; media: string } | undefined;
    let instalment: { index: number } | undefined;
    let days: { day: string }[] = [];
    for (const candidate of candidates) {
      const balance = await call(a.url, `/api/v1/deals/${candidate.id}/balance`, { cookie: studio });
      const open = balance.body?.instalments?.find((i: { open: { amount: string } }) => Number(i.open.amount) >= 1000);
      if (!open) continue;
      const { rows } = await sql.query(
        `SELECT DISTINCT to_char(d, 'YYYY-MM-DD') AS day FROM grant_slice s,
           generate_series(s.start, least(s."end", current_date - 1), interval '1 day') d
         WHERE s.deal_id = $1 AND s.title_id = $2 AND s.country = $3 AND s.media = $4
           AND NOT EXISTS (SELECT 1 FROM statement st WHERE st.deal_id = s.deal_id AND st.counting AND d BETWEEN st.period_start AND st.period_end)
         ORDER BY day LIMIT 400`,
        [candidate.id, candidate.title_id, candidate.country, candidate.media],
      );
      if (rows.length < 20) continue;
      deal = candidate;
      instalment = open;
      days = rows;
      break;
    }
    if (!deal || !instalment) throw new Error("no demo deal between studio and partner with an open instalment and 20 free statement days");
    let nextDay = 0;

    const write = (server: Server, i: number) => {
      if (i % 2 === 0 || nextDay >= days.length) {
        return call(server.url, `/api/v1/deals/${deal.id}/receipts`, {
          method: "POST",
          cookie: studio,
          json: {
            kind: "MG_INSTALMENT",
            instalmentIndex: instalment.index,
            amount: { amount: "1.00", currency: deal.currency },
            receivedOn: "2026-01-15",
          },
        });
      }
      const day = days[nextDay++]?.day;
      return call(server.url, `/api/v1/deals/${deal.id}/statements`, {
        method: "POST",
        cookie: partner,
        json: {
          periodStart: day,
          periodEnd: day,
          lines: [
            {
              titleId: deal.title_id,
              territory: deal.country,
              mediaRight: deal.media,
              revenueType: "STREAMING",
              gross: { amount: "10.00", currency: deal.currency },
            },
          ],
        },
      });
    };

    const ok: { kind: "receipt" | "statement"; id: string }[] = [];
    const failures: string[] = [];
    let retried = 0;
    let killed = false;
    let n = 0;
    // Runs at least 5 s and 30 successful writes (the machine may be slow), at most 45 s; A is
    // killed once 8 writes have succeeded, with requests to it in flight.
    const started = Date.now();
    const more = () => Date.now() - started < 45_000 && (Date.now() - started < 5_000 || ok.length < 30);
    const client = async (lane: number) => {
      while (more()) {
        const i = n++;
        const target = !killed && lane % 2 === 0 ? a : b;
        let res: Awaited<ReturnType<typeof call>> | undefined;
        try {
          res = await write(target, i);
        } catch {
          // The connection died with A: the client retries on the survivor.
          retried++;
          res = await write(b, i);
        }
        // A statement answers with its period; a receipt with its date (odd writes fall back to
        // receipts once the free statement days run out).
        if (res.status === 201) ok.push({ kind: res.body && "periodStart" in res.body ? "statement" : "receipt", id: res.body.id });
        else failures.push(`${res.status} ${res.text.slice(0, 200)}`);
        if (!killed && ok.length >= 8) {
          killed = true;
          a.signal("SIGKILL");
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, lane) => client(lane)));
    expect(await a.exited).toMatchObject({ signal: "SIGKILL" });

    expect(failures).toEqual([]);
    expect(ok.length).toBeGreaterThan(20);
    expect(retried).toBeGreaterThan(0);
    const receipts = ok.filter((w) => w.kind === "receipt").map((w) => w.id);
    const statements = ok.filter((w) => w.kind === "statement").map((w) => w.id);
    const stored = await sql.query(
      `SELECT (SELECT count(*)::int FROM receipt WHERE id = ANY($1::uuid[])) AS receipts,
              (SELECT count(*)::int FROM statement WHERE id = ANY($2::uuid[])) AS statements`,
      [receipts, statements],
    );
    expect(stored.rows[0]).toEqual({ receipts: receipts.length, statements: statements.length });
    // Nothing by halves: every receipt and statement of the deal has its audit entry, every
    // statement all its lines, and the audit chain verifies.
    const halves = await sql.query(
      `SELECT
         (SELECT count(*)::int FROM receipt r WHERE r.deal_id = $1 AND NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.entity_id = r.id::text)) AS receipts_without_audit,
         (SELECT count(*)::int FROM statement s WHERE s.deal_id = $1 AND NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.entity_id = s.id::text)) AS statements_without_audit,
         (SELECT count(*)::int FROM statement s WHERE s.deal_id = $1 AND s.line_count <> (SELECT count(*) FROM statement_line l WHERE l.statement_id = s.id)) AS statements_missing_lines`,
      [deal.id],
    );
    expect(halves.rows[0]).toEqual({ receipts_without_audit: 0, statements_without_audit: 0, statements_missing_lines: 0 });
    const verify = await npmRun("audit:verify", [], { DATABASE_URL: database.url });
    expect(verify.code, verify.output).toBe(0);
  }, 90_000);
});

describe("PostgreSQL unreachable for 20 seconds", () => {
  it("answers 503 problem+json (no hang, no crash), readiness 503, and recovers within 10 s without a restart", async () => {
    const { cookie } = await login(viaProxy.url, "studio@demo.rightsbridge.test");
    expect((await call(viaProxy.url, "/api/v1/me", { cookie })).status).toBe(200);
    await waitFor(`${viaProxy.url}/api/health/ready`, { status: 200, timeoutMs: 10_000 });
    const pid = viaProxy.proc.pid;

    await proxy.cut();
    const outageStarted = Date.now();
    const seen: number[] = [];
    while (Date.now() - outageStarted < 20_000) {
      const t = Date.now();
      const res = await call(viaProxy.url, "/api/v1/deals", { cookie });
      expect(Date.now() - t).toBeLessThan(8_000);
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.body).toMatchObject({ status: 503, type: "/problems/database-unavailable" });
      const ready = await call(viaProxy.url, "/api/health/ready");
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: "unavailable", checks: { database: "unavailable" } });
      expect((await call(viaProxy.url, "/api/health/live")).status).toBe(200);
      seen.push(res.status);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    expect(seen.length).toBeGreaterThan(3);

    await proxy.restore();
    const back = Date.now();
    await waitFor(`${viaProxy.url}/api/health/ready`, { status: 200, timeoutMs: 10_000 });
    for (;;) {
      const res = await call(viaProxy.url, "/api/v1/deals", { cookie });
      if (res.status === 200) break;
      expect(Date.now() - back).toBeLessThan(10_000);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(Date.now() - back).toBeLessThan(10_000);
    expect(viaProxy.proc.pid).toBe(pid);
    expect(viaProxy.proc.exitCode).toBeNull();
  }, 90_000);
});
