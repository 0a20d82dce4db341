/** Timing and memory helpers for the benches. */

/** Milliseconds since `start` (a process.hrtime.bigint() value), with microsecond resolution. */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `fn` once and returns its result and how long it took in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: msSince(start) };
}

/**
 * Measures a candidate and its baseline `runs` times each, after `warmup` untimed runs of both.
 * The two alternate (A B, B A, A B, ...) so that drift in the machine's load, the database's
 * caches or the JIT affects both sides equally; one query at a time, never overlapping.
 */
export async function measurePair(
  candidate: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  opts: { runs: number; warmup: number },
): Promise<{ candidate: number[]; baseline: number[] }> {
  for (let i = 0; i < opts.warmup; i++) {
    await candidate();
    await baseline();
  }
  const result = { candidate: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < opts.runs; i++) {
    const order = i % 2 === 0 ? (["candidate", "baseline"] as const) : (["baseline", "candidate"] as const);
    for (const side of order) {
      const fn = side === "candidate" ? candidate : baseline;
      const start = process.hrtime.bigint();
      await fn();
      result[side].push(msSince(start));
    }
  }
  return result;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "n/a";
  return ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

/** Current resident set size, V8 heap in use, and the process's peak RSS so far. */
export function memory(): { rss: number; heapUsed: number; peakRss: number } {
  const { rss, heapUsed } = process.memoryUsage();
  // resourceUsage().maxRSS is in kibibytes.
  return { rss, heapUsed, peakRss: process.resourceUsage().maxRSS * 1024 };
}

export function formatMemory(m = memory()): string {
  return `rss ${formatBytes(m.rss)} (peak ${formatBytes(m.peakRss)}), heap used ${formatBytes(m.heapUsed)}`;
}
