import "server-only";
import { onShutdown } from "@/lib/db/shutdown";
import { logger } from "@/lib/log/logger";
import { startWorker, type Worker } from "./worker";

const RETRY_MS = 10_000;
const globalForWorker = globalThis as typeof globalThis & { __rightsbridgeWorker?: Promise<Worker | undefined> };

/**
 * Starts the worker inside the web server process (`npm start` unless WORKER=off), once per
 * process. It never blocks or fails the server's start: while the database is unreachable it
 * tries again every 10 s. It stops before the database pool closes on shutdown.
 */
export function startInProcessWorker(): void {
  if (globalForWorker.__rightsbridgeWorker) return;
  let stopped = false;
  let resolveWorker: (w: Worker | undefined) => void = () => undefined;
  globalForWorker.__rightsbridgeWorker = new Promise((resolve) => {
    resolveWorker = resolve;
  });
  const attempt = () => {
    if (stopped) return resolveWorker(undefined);
    startWorker().then(resolveWorker, (error: unknown) => {
      logger.warn({ err: error }, "jobs.in_process_start_failed");
      setTimeout(attempt, RETRY_MS).unref();
    });
  };
  attempt();
  onShutdown({
    name: "worker",
    order: 10,
    run: async () => {
      stopped = true;
      const worker = await Promise.race([globalForWorker.__rightsbridgeWorker, Promise.resolve(undefined)]);
      await worker?.stop();
    },
  });
}
