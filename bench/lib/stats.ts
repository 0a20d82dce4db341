/** Latency statistics over a set of samples (milliseconds). */

export type Summary = { n: number; min: number; mean: number; p50: number; p95: number; p99: number; max: number };

/** Nearest-rank percentile of an ascending-sorted array (p in 0..100): the value at rank ⌈p/100·n⌉. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = n === 0 ? Number.NaN : sorted.reduce((sum, x) => sum + x, 0) / n;
  return {
    n,
    min: sorted[0] ?? Number.NaN,
    mean,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[n - 1] ?? Number.NaN,
  };
}

/** a / b, as "1.23x"; "n/a" when either side is missing. */
export function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return "n/a";
  return `${(a / b).toFixed(2)}x`;
}
