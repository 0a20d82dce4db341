import "server-only";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The process' Prometheus registry (prom-client). Kept on globalThis: Next can load this module
 * more than once in one process, and two registries would split the counts.
 */
type Metrics = {
  registry: Registry;
  httpRequests: Counter<"method" | "route" | "status">;
  httpDuration: Histogram<"method" | "route" | "status">;
};

const globalForMetrics = globalThis as typeof globalThis & { __rightsbridgeMetrics?: Metrics };

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "rightsbridge_" });
  const httpRequests = new Counter({
    name: "rightsbridge_http_requests_total",
    help: "API requests by method, route template and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: "rightsbridge_http_request_duration_seconds",
    help: "API request durations by method, route template and status.",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, httpRequests, httpDuration };
}

export function metrics(): Metrics {
  globalForMetrics.__rightsbridgeMetrics ??= create();
  return globalForMetrics.__rightsbridgeMetrics;
}

/** Adds a gauge computed when scraped (once per name, whichever module asks first). */
export function registerGauge(name: string, help: string, labelNames: string[], collect: (gauge: Gauge<string>) => Promise<void> | void) {
  const { registry } = metrics();
  if (registry.getSingleMetric(name)) return;
  new Gauge({
    name,
    help,
    labelNames,
    registers: [registry],
    async collect() {
      await collect(this);
    },
  });
}

/**
 * The route template of a request: the path with each dynamic segment put back as its name
 * (`/api/v1/deals/0192…/grants` → `/api/v1/deals/[id]/grants`), so labels stay few.
 */
export function routeTemplate(pathname: string, params: Record<string, string | string[]> | undefined): string {
  const byValue = new Map<string, string>();
  for (const [name, value] of Object.entries(params ?? {})) {
    if (typeof value === "string") byValue.set(value, `[${name}]`);
    else if (Array.isArray(value)) for (const v of value) byValue.set(v, `[...${name}]`);
  }
  return pathname
    .split("/")
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        // keep as is
      }
      return byValue.get(decoded) ?? segment;
    })
    .join("/");
}

export function observeRequest(method: string, route: string, status: number, seconds: number): void {
  const m = metrics();
  const labels = { method, route, status: String(status) };
  m.httpRequests.inc(labels);
  m.httpDuration.observe(labels, seconds);
}
