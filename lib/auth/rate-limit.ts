import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { type Failure, fail } from "@/lib/result";

/**
 * Failed logins are counted in Postgres (table rate_limit, created by our migration) so the
 * limit holds across server processes and restarts. Only failures count; a success clears the
 * account's counter.
 */
const WINDOW_SECONDS = 15 * 60;
const MAX_PER_ACCOUNT = Number(process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT ?? 5);
const MAX_PER_IP = Number(process.env.LOGIN_MAX_FAILURES_PER_IP ?? 50);

type Limiters = { account: RateLimiterPostgres; ip: RateLimiterPostgres };
const g = globalThis as typeof globalThis & { __rbLoginLimiters?: Limiters };

function limiters(): Limiters {
  if (g.__rbLoginLimiters) return g.__rbLoginLimiters;
  const pool = new Pool({ connectionString: resolveDatabaseUrl(), max: 2 });
  const common = { storeClient: pool, storeType: "pool", tableName: "rate_limit", tableCreated: true, duration: WINDOW_SECONDS };
  g.__rbLoginLimiters = {
    account: new RateLimiterPostgres({ ...common, keyPrefix: "login_account", points: MAX_PER_ACCOUNT }),
    ip: new RateLimiterPostgres({ ...common, keyPrefix: "login_ip", points: MAX_PER_IP }),
  };
  return g.__rbLoginLimiters;
}

export type LoginGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function checkLoginAllowed(email: string, ip: string): Promise<LoginGate> {
  const { account, ip: byIp } = limiters();
  const [a, i] = await Promise.all([account.get(email), byIp.get(ip)]);
  const blocked = [a && a.consumedPoints >= MAX_PER_ACCOUNT ? a : null, i && i.consumedPoints >= MAX_PER_IP ? i : null].filter(
    (r): r is RateLimiterRes => r !== null,
  );
  if (blocked.length === 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000) };
}

export async function recordLoginFailure(email: string, ip: string): Promise<void> {
  const { account, ip: byIp } = limiters();
  // consume() rejects once the points are used up; that rejection is the expected "blocked" state.
  await Promise.allSettled([account.consume(email), byIp.consume(ip)]);
}

export async function recordLoginSuccess(email: string): Promise<void> {
  await limiters().account.delete(email);
}

// ---- hourly limits on expensive or abusable requests ------------------------------------------

const hourly = new Map<string, RateLimiterPostgres>();
const g2 = globalThis as typeof globalThis & { __rbHourlyPool?: Pool };

function hourlyLimiter(name: string, points: number): RateLimiterPostgres {
  const key = `${name}:${points}`;
  const existing = hourly.get(key);
  if (existing) return existing;
  g2.__rbHourlyPool ??= new Pool({ connectionString: resolveDatabaseUrl(), max: 2 });
  const limiter = new RateLimiterPostgres({
    storeClient: g2.__rbHourlyPool,
    storeType: "pool",
    tableName: "rate_limit",
    tableCreated: true,
    keyPrefix: name,
    points,
    duration: 60 * 60,
  });
  hourly.set(key, limiter);
  return limiter;
}

const envLimit = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

/** Takes one of `points` an hour for `key`; the refusal says when to try again. */
export async function takeHourly(name: string, key: string, points: number): Promise<LoginGate> {
  try {
    await hourlyLimiter(name, points).consume(key);
    return { allowed: true };
  } catch (error) {
    if (error instanceof Error) throw error;
    return { allowed: false, retryAfterSeconds: Math.ceil((error as RateLimiterRes).msBeforeNext / 1000) };
  }
}

const rateLimited = (what: string, retryAfterSeconds: number): Failure =>
  fail("rate_limited", "RATE_LIMITED", `Too many ${what}. Try again in ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} minutes.`, {
    details: { retryAfterSeconds },
  });

/** File imports (titles, statements, FX rates, EMA Avails) per organisation: IMPORT_MAX_PER_HOUR, default 120. */
export async function limitImports(orgId: string): Promise<Failure | null> {
  const gate = await takeHourly("import_org", orgId, envLimit("IMPORT_MAX_PER_HOUR", 120));
  return gate.allowed ? null : rateLimited("imports from your organisation", gate.retryAfterSeconds);
}
