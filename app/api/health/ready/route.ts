import { json, route } from "@/lib/api/handler";
import { readiness } from "@/lib/health/checks";

export const dynamic = "force-dynamic";

/**
 * Readiness: 503 `draining: true` once the server is stopping (SIGTERM); else 200 when the database answers, every migration file is applied and (unless
 * HEALTH_WORKER_CHECK=off) a worker's heartbeat is under 2 minutes old; 503 otherwise.
 */
export const GET = route({ auth: false }, async () => {
  const result = await readiness();
  const headers = { "cache-control": "no-store" };
  if (result.ok) return json({ status: "ok", checks: result.checks }, 200, headers);
  return json(
    {
      status: "unavailable",
      checks: result.checks,
      ...(result.pendingMigrations ? { pendingMigrations: result.pendingMigrations } : {}),
      ...(result.draining ? { draining: true } : {}),
    },
    503,
    headers,
  );
});
