/**
 * How many integration test files run at once, each worker on its own database
 * (INTEGRATION_WORKERS, default 2: the machines have two cores, and a worker spends much of
 * its time waiting on PostgreSQL). vitest.config.mts and the integration global setup both read it.
 */
export function integrationWorkers(): number {
  const raw = process.env.INTEGRATION_WORKERS;
  const n = raw === undefined || raw === "" ? 2 : Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new Error(`INTEGRATION_WORKERS must be a whole number from 1 to 8, not ${raw}`);
  return n;
}
