/**
 * `npm run worker`: the background worker alone (pg-boss queues, schedules, loops, heartbeat) for
 * deployments that run it apart from the web servers (`WORKER=off npm start` / `npm run serve`).
 * SIGTERM or Ctrl-C lets running jobs finish, then closes the pool and exits 0.
 */
import { closeDb } from "@/lib/db/client";
import { startWorker } from "@/lib/jobs/worker";

async function main(): Promise<void> {
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
