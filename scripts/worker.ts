/**
 * `npm run worker`: the background worker alone (pg-boss queues, schedules, loops, heartbeat) for
 * deployments that run it apart from the web servers (`WORKER=off npm start` / `npm run serve`).
 * SIGTERM or Ctrl-C lets running jobs finish, then closes the pool and exits 0. Without
 * DATABASE_URL it uses the embedded PostgreSQL of a running `npm start`.
 */
import { preferEmbeddedDatabaseUnlessConfigured } from "./embedded-url";

async function main(): Promise<void> {
  // Before the app's modules load: the database client reads DATABASE_URL once.
  preferEmbeddedDatabaseUnlessConfigured();
  const { closeDb } = await import("@/lib/db/client");
  const { startWorker } = await import("@/lib/jobs/worker");
  const worker = await startWorker();
  console.log(`[worker] ${worker.id} started`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: stopping`);
    await worker.stop();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
