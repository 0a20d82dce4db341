import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as liveRoute } from "@/app/api/health/live/route";
import { GET as readyRoute } from "@/app/api/health/ready/route";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { GET as getDealRoute } from "@/app/api/v1/deals/[id]/route";
import { route } from "@/lib/api/handler";
import { db } from "@/lib/db/client";
import { callRoute, expectProblem, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";

const savedEnv = { METRICS_TOKEN: process.env.METRICS_TOKEN, HEALTH_WORKER_CHECK: process.env.HEALTH_WORKER_CHECK };

describe("health", () => {
  beforeEach(() => resetDb());
  afterEach(() => {
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });
  afterAll(() => db.$disconnect());

  it("live answers 200 {status: ok} without auth", async () => {
    const res = await callRoute(liveRoute, "/api/health/live");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
    // Next hands a route without dynamic segments no params at all.
    const bare = await liveRoute(new NextRequest("http://localhost:3000/api/health/live"), undefined as never);
    expect(bare.status).toBe(200);
  });

  it("ready needs the database, every migration and a fresh worker heartbeat", async () => {
    let res = await callRoute(readyRoute, "/api/health/ready");
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: "unavailable", checks: { database: "ok", migrations: "ok", worker: "missing" } });

    await db.workerHeartbeat.create({ data: { id: "w1", host: "h", pid: 1, beatAt: new Date(Date.now() - 3 * 60_000) } });
    res = await callRoute(readyRoute, "/api/health/ready");
    expect(res.status).toBe(503);
    expect(res.body.checks.worker).toBe("stale");

    await db.workerHeartbeat.update({ where: { id: "w1" }, data: { beatAt: new Date(Date.now() - 90_000) } });
    res = await callRoute(readyRoute, "/api/health/ready");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", checks: { database: "ok", migrations: "ok", worker: "ok" } });
  });

  it("ready skips the worker check with HEALTH_WORKER_CHECK=off, and names migrations not applied", async () => {
    process.env.HEALTH_WORKER_CHECK = "off";
    let res = await callRoute(readyRoute, "/api/health/ready");
    expect(res.status).toBe(200);
    expect(res.body.checks).toEqual({ database: "ok", migrations: "ok", worker: "skipped" });

    const [last] = await db.$queryRaw<
      { name: string }[]
    >`SELECT migration_name AS name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`;
    await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = ${last!.name}`;
    try {
      res = await callRoute(readyRoute, "/api/health/ready");
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        status: "unavailable",
        checks: { database: "ok", migrations: "pending" },
        pendingMigrations: [last!.name],
      });
    } finally {
      await db.$executeRaw`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = ${last!.name}`;
    }
  });
});

describe("an unreachable database answers 503 problem+json, not 500", () => {
  it("maps connection errors thrown under route() to 503 with Retry-After, and other errors to 500", async () => {
    const refused = route({ auth: false, params: z.object({ n: z.string() }) }, async () => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    });
    const res = await callRoute(refused, "/api/v1/test/1", { params: { n: "1" } });
    expect(res.contentType).toBe("application/problem+json");
    expect(expectProblem(res, 503)).toMatchObject({ status: 503, title: "Service unavailable" });
    expect(res.headers.get("retry-after")).toBe("5");

    const bug = route({ auth: false }, async () => {
      throw new TypeError("nope");
    });
    expectProblem(await callRoute(bug, "/api/v1/test"), 500);
  });
});

describe("metrics", () => {
  beforeEach(() => resetDb());
  afterEach(() => {
    if (savedEnv.METRICS_TOKEN === undefined) delete process.env.METRICS_TOKEN;
    else process.env.METRICS_TOKEN = savedEnv.METRICS_TOKEN;
  });

  it("is 404 without METRICS_TOKEN and 401 with a wrong bearer", async () => {
    delete process.env.METRICS_TOKEN;
    expect((await callRoute(metricsRoute, "/api/metrics", { headers: { authorization: "Bearer x" } })).status).toBe(404);
    process.env.METRICS_TOKEN = "s3cret-token";
    expect((await callRoute(metricsRoute, "/api/metrics")).status).toBe(401);
    expect((await callRoute(metricsRoute, "/api/metrics", { headers: { authorization: "Bearer s3cret-tokem" } })).status).toBe(401);
  });

  it("counts API requests by route template and status, and reports pool, queues, job runs and the process", async () => {
    process.env.METRICS_TOKEN = "s3cret-token";
    const owner = await registerViaApi();
    const missing = "0192f3a4-1111-7000-8000-000000000001";
    expect((await callRoute(getDealRoute, `/api/v1/deals/${missing}`, { headers: owner.headers, params: { id: missing } })).status).toBe(
      404,
    );
    await db.jobRun.create({ data: { name: "deal-expiry", source: "manual", status: "FAILED", error: "boom" } });

    const res = await callRoute(metricsRoute, "/api/metrics", { headers: { authorization: "Bearer s3cret-token" } });
    expect(res.status).toBe(200);
    expect(res.contentType).toContain("text/plain");
    const text = res.text;
    expect(text).toMatch(/rightsbridge_http_requests_total\{method="GET",route="\/api\/v1\/deals\/\[id\]",status="404"\} [1-9]/);
    expect(text).toMatch(
      /rightsbridge_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/api\/v1\/deals\/\[id\]",status="404"\}/,
    );
    expect(text).not.toContain(missing);
    expect(text).toMatch(/rightsbridge_db_pool_connections\{state="max"\} \d+/);
    expect(text).toMatch(/rightsbridge_job_runs\{job="deal-expiry",status="FAILED"\} 1/);
    expect(text).toContain("# TYPE rightsbridge_job_queue_jobs gauge");
    expect(text).toMatch(/rightsbridge_process_resident_memory_bytes \d+/);
  });
});
