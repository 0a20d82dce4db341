/** Throughput of in-process calls: a fixed number of concurrent workers over a fixed duration. */
import { msSince } from "./timing";

export type ThroughputResult = { requests: number; errors: number; ms: number; latencies: number[] };

/**
 * Calls `fn` from `concurrency` workers, each starting its next call as soon as the previous one
 * settles, until `durationMs` has passed (calls in flight then finish and count). `fn` resolves to
 * whether the call succeeded (e.g. the status was 200); throwing counts as an error too.
 */
export async function runThroughput(
  fn: (call: number) => Promise<boolean>,
  opts: { concurrency: number; durationMs: number },
): Promise<ThroughputResult> {
  const result: ThroughputResult = { requests: 0, errors: 0, ms: 0, latencies: [] };
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(opts.durationMs * 1e6));
  let next = 0;
  const worker = async () => {
    while (process.hrtime.bigint() < deadline) {
      const call = next++;
      const t0 = process.hrtime.bigint();
      let ok = false;
      try {
        ok = await fn(call);
      } catch {
        ok = false;
      }
      result.latencies.push(msSince(t0));
      result.requests++;
      if (!ok) result.errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  result.ms = msSince(start);
  return result;
}

/** Adds up several runs of the same thing (e.g. the halves of an A B B A schedule). */
export function mergeThroughput(runs: readonly ThroughputResult[]): ThroughputResult {
  return {
    requests: runs.reduce((n, r) => n + r.requests, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    ms: runs.reduce((n, r) => n + r.ms, 0),
    latencies: runs.flatMap((r) => r.latencies),
  };
}

export const perSecond = (r: ThroughputResult) => (r.ms > 0 ? (r.requests * 1000) / r.ms : Number.NaN);
