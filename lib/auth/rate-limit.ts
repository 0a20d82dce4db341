import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { resolveDatabaseUrl } from "@/lib/db/url";

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

// ---- Hourly limits on requests that send e-mail ---------------------------------------------

const hourly = new Map<string, RateLimiterPostgres>();

function hourlyLimiter(prefix: string, points: number): RateLimiterPostgres {
  const name = `${prefix}:${points}`;
  let limiter = hourly.get(name);
  if (!limiter) {
    const pool = new Pool({ connectionString: resolveDatabaseUrl(), max: 2 });
    limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "rate_limit",
      tableCreated: true,
      keyPrefix: prefix,
      points,
      duration: 3600,
    });
    hourly.set(name, limiter);
  }
  return limiter;
}

/**
 * Counts one request against `prefix`'s hourly budget for `key` (a client address, a user id);
 * refused once `points` requests were made within the hour.
 */
export async function consumeHourly(prefix: string, points: number, key: string): Promise<LoginGate> {
  try {
    await hourlyLimiter(prefix, points).consume(key);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof Error) throw rejection;
    return { allowed: false, retryAfterSeconds: Math.ceil((rejection as RateLimiterRes).msBeforeNext / 1000) };
  }
}

/** Password-reset requests per client address and hour (default 60, so a test suite on one address passes). */
export const passwordResetMaxPerHour = () => Number(process.env.PASSWORD_RESET_MAX_PER_HOUR ?? 60);
/** Verification e-mails a signed-in person may ask for per hour. */
export const RESEND_VERIFICATION_MAX_PER_HOUR = 5;
