import "server-only";
import { Pool } from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { resolveDatabaseUrl } from "@/lib/db/url";
import { type Failure, fail } from "@/lib/result";

/**
 * Failed logins are counted in Postgres (table rate_limit, created by our migration) so the
 * limits hold across server processes and restarts. Only failures count. Three counters:
 *
 * - per (account, address): LOGIN_MAX_FAILURES_PER_ACCOUNT (default 5) in 15 minutes, then that
 *   address is refused for that account (RATE_LIMITED) until the window passes;
 * - per address: LOGIN_MAX_FAILURES_PER_IP (default 50) across accounts, then refused;
 * - per account, from anywhere: never a refusal (that would let anyone lock the owner out), only
 *   a growing delay before the answer — LOGIN_ACCOUNT_DELAY_MS (default 500) doubled per failure
 *   past the third, at most 10 s — so guessing from many addresses stays slow while the owner,
 *   from an address of their own, still signs in.
 *
 * A success clears the (account, address) and account counters.
 */
const WINDOW_SECONDS = 15 * 60;
const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
};
const maxPerAccountAddress = () => envNumber("LOGIN_MAX_FAILURES_PER_ACCOUNT", 5);
const maxPerIp = () => envNumber("LOGIN_MAX_FAILURES_PER_IP", 50);
const FREE_ACCOUNT_FAILURES = 3;
const MAX_DELAY_MS = 10_000;

type Limiters = { accountAddress: RateLimiterPostgres; ip: RateLimiterPostgres; account: RateLimiterPostgres };
const g = globalThis as typeof globalThis & { __rbLoginLimiters?: Limiters };

function limiters(): Limiters {
  if (g.__rbLoginLimiters) return g.__rbLoginLimiters;
  const pool = new Pool({ connectionString: resolveDatabaseUrl(), max: 2 });
  const common = { storeClient: pool, storeType: "pool", tableName: "rate_limit", tableCreated: true, duration: WINDOW_SECONDS };
  // Points are high: consume() only counts; the limits are compared in checkLoginAllowed.
  g.__rbLoginLimiters = {
    accountAddress: new RateLimiterPostgres({ ...common, keyPrefix: "login_account_ip", points: 1_000_000 }),
    ip: new RateLimiterPostgres({ ...common, keyPrefix: "login_ip", points: 1_000_000 }),
    account: new RateLimiterPostgres({ ...common, keyPrefix: "login_account", points: 1_000_000 }),
  };
  return g.__rbLoginLimiters;
}

const pairKey = (email: string, address: string) => `${email}|${address}`;

export type LoginGate = { allowed: true; delayMs?: number } | { allowed: false; retryAfterSeconds: number };

/** The delay before answering after `failures` account-wide failures. */
export function accountDelayMs(failures: number, baseMs = envNumber("LOGIN_ACCOUNT_DELAY_MS", 500)): number {
  if (failures <= FREE_ACCOUNT_FAILURES || baseMs === 0) return 0;
  return Math.min(MAX_DELAY_MS, baseMs * 2 ** (failures - FREE_ACCOUNT_FAILURES - 1));
}

export async function checkLoginAllowed(email: string, address: string): Promise<LoginGate> {
  const l = limiters();
  const [pair, byIp, account] = await Promise.all([l.accountAddress.get(pairKey(email, address)), l.ip.get(address), l.account.get(email)]);
  const blocked = [
    pair && pair.consumedPoints >= maxPerAccountAddress() ? pair : null,
    byIp && byIp.consumedPoints >= maxPerIp() ? byIp : null,
  ].filter((r): r is RateLimiterRes => r !== null);
  if (blocked.length > 0) return { allowed: false, retryAfterSeconds: Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000) };
  return { allowed: true, delayMs: accountDelayMs(account?.consumedPoints ?? 0) };
}

export async function recordLoginFailure(email: string, address: string): Promise<void> {
  const l = limiters();
  await Promise.allSettled([l.accountAddress.consume(pairKey(email, address)), l.ip.consume(address), l.account.consume(email)]);
}

export async function recordLoginSuccess(email: string, address: string): Promise<void> {
  const l = limiters();
  await Promise.all([l.accountAddress.delete(pairKey(email, address)), l.account.delete(email)]);
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
export async function takeHourly(
  name: string,
  key: string,
  points: number,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
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

/** Registrations per client address: REGISTER_MAX_PER_HOUR, default 60 (so a test suite on one address passes). */
export async function limitRegistrations(address: string): Promise<Failure | null> {
  const gate = await takeHourly("register_ip", address, envLimit("REGISTER_MAX_PER_HOUR", 60));
  return gate.allowed ? null : rateLimited("registrations from your address", gate.retryAfterSeconds);
}

/** File imports (titles, statements, FX rates, EMA Avails) per organisation: IMPORT_MAX_PER_HOUR, default 120. */
export async function limitImports(orgId: string): Promise<Failure | null> {
  const gate = await takeHourly("import_org", orgId, envLimit("IMPORT_MAX_PER_HOUR", 120));
  return gate.allowed ? null : rateLimited("imports from your organisation", gate.retryAfterSeconds);
}

// ---- Hourly limits on requests that send e-mail ---------------------------------------------

/**
 * Counts one request against `prefix`'s hourly budget for `key` (a client address, a user id);
 * refused once `points` requests were made within the hour.
 */
export function consumeHourly(prefix: string, points: number, key: string): Promise<LoginGate> {
  return takeHourly(prefix, key, points);
}

/** Password-reset requests per client address and hour (default 60, so a test suite on one address passes). */
export const passwordResetMaxPerHour = () => Number(process.env.PASSWORD_RESET_MAX_PER_HOUR ?? 60);
/** Verification e-mails a signed-in person may ask for per hour. */
export const RESEND_VERIFICATION_MAX_PER_HOUR = 5;
