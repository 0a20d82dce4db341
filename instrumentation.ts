/**
 * Runs once when a Next server process starts. Unless WORKER=off, the background worker (pg-boss
 * queues and schedules, lib/jobs) runs in this process; with WORKER=off run `npm run worker`
 * separately (any number of either, on one database).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.WORKER === "off") return;
  const { startInProcessWorker } = await import("./lib/jobs/in-process");
  startInProcessWorker();
}
