/**
 * The credentials provider's own authorize(), as next-auth calls it on POST /api/auth/callback/
 * credentials: null for a wrong password, the user for a right one, and a thrown RATE_LIMITED
 * (which next-auth hands to the login form as `error`) once an (account, address) pair or an
 * address is blocked. Per account only a growing delay: the owner still signs in from their own
 * address (issue 11, point 10). The address is the `x-rightsbridge-peer` header the production
 * server entry sets from the socket, or the TRUST_PROXY_HOPS-th X-Forwarded-For from the right.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/options";
import { db } from "@/lib/db/client";
import { type Registered, registerViaApi, uniqueEmail } from "../support/api";
import { resetDb } from "../support/db";

const IP = "203.0.113.7";
const login = (email: string, password: string, ip = IP, extra: Record<string, string> = {}) =>
  authorizeCredentials({ email, password }, { headers: { "x-rightsbridge-peer": ip, ...extra } });

let alice: Registered;
let bob: Registered;

beforeEach(async () => {
  await resetDb();
  [alice, bob] = await Promise.all([registerViaApi({ email: "alice@example.test" }), registerViaApi({ email: "bob@example.test" })]);
});

async function fail(times: number, email = alice.email, ip = IP) {
  for (let i = 0; i < times; i++) expect(await login(email, "wrong password, sorry", ip)).toBeNull();
}

describe("login with email and password", () => {
  it("returns the user for the right password, whatever the email's letter case", async () => {
    expect(await login("Alice@Example.TEST", alice.password)).toEqual({
      id: alice.userId,
      email: "alice@example.test",
      name: "Test Person",
    });
  });

  it("returns null for a wrong password, an unknown account or missing fields", async () => {
    expect(await login(alice.email, "not the password")).toBeNull();
    expect(await login("nobody@example.test", alice.password)).toBeNull();
    expect(await authorizeCredentials({ email: alice.email }, { headers: {} })).toBeNull();
    expect(await authorizeCredentials(undefined, { headers: {} })).toBeNull();
  });
});

describe("the next-auth credentials provider", () => {
  it("authorizes with authorizeCredentials", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const provider = authOptions.providers[0];
    expect(provider?.type).toBe("credentials");
    expect(provider && "options" in provider ? (provider.options as { authorize?: unknown }).authorize : undefined).toBe(
      authorizeCredentials,
    );
  });
});

afterEach(() => {
  delete process.env.TRUST_PROXY_HOPS;
  delete process.env.LOGIN_ACCOUNT_DELAY_MS;
});

describe("login rate limit", () => {
  it("after 5 failures from one address refuses even the right password there, but not from the owner's own address", async () => {
    await fail(5);
    await expect(login(alice.email, alice.password)).rejects.toThrow("RATE_LIMITED");
    await expect(login(alice.email, "still wrong")).rejects.toThrow("RATE_LIMITED");
    // The owner, elsewhere: not locked out.
    expect(await login(alice.email, alice.password, "198.51.100.9")).toMatchObject({ id: alice.userId });
  });

  it("five wrong passwords from anywhere do not lock the owner out: failures from many addresses only slow the account down", async () => {
    process.env.LOGIN_ACCOUNT_DELAY_MS = "100";
    for (let i = 0; i < 6; i++) await fail(1, alice.email, `192.0.2.${10 + i}`);
    const started = performance.now();
    expect(await login(alice.email, alice.password, "198.51.100.9")).toMatchObject({ id: alice.userId });
    // 6 account-wide failures: 100 ms × 2^(6 − 3 − 1) = 400 ms before the answer.
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    // The success cleared the account's counter: no delay any more.
    const again = performance.now();
    expect(await login(alice.email, alice.password, "198.51.100.9")).toMatchObject({ id: alice.userId });
    expect(performance.now() - again).toBeLessThan(300);
  });

  it("allows the right password after 4 failures", async () => {
    await fail(4);
    expect(await login(alice.email, alice.password)).toMatchObject({ id: alice.userId });
  });

  it("counts failures per account however the email is written", async () => {
    await fail(3, "ALICE@example.test");
    await fail(2, "alice@EXAMPLE.test");
    await expect(login(alice.email, alice.password)).rejects.toThrow("RATE_LIMITED");
  });

  it("does not block another account from the same address", async () => {
    await fail(5);
    expect(await login(bob.email, bob.password)).toMatchObject({ id: bob.userId });
  });

  it("resets the counter on success (4 failures, success, 4 failures: still allowed)", async () => {
    await fail(4);
    expect(await login(alice.email, alice.password)).toMatchObject({ id: alice.userId });
    await fail(4);
    expect(await login(alice.email, alice.password)).toMatchObject({ id: alice.userId });
  });

  it("blocks an address after 50 failures across accounts, for every account, but not other addresses", async () => {
    const attackerIp = "192.0.2.66";
    // Unknown accounts: each failure still costs a password check, so these run in parallel.
    const attempts = Array.from({ length: 50 }, () => login(uniqueEmail("probe"), "guess-guess-guess", attackerIp));
    expect(await Promise.all(attempts)).toEqual(Array(50).fill(null));

    await expect(login(bob.email, bob.password, attackerIp)).rejects.toThrow("RATE_LIMITED");
    expect(await login(bob.email, bob.password, "198.51.100.20")).toMatchObject({ id: bob.userId });
  });

  it("a spoofed X-Forwarded-For does not reset the limit (the attack of issue 11)", async () => {
    // What is tested is who gets refused, not how long the answers wait (the test above measures
    // that): the account's doubling delay would otherwise sleep ~25 s here.
    process.env.LOGIN_ACCOUNT_DELAY_MS = "10";
    await fail(5);
    // Each attempt claims a fresh client address: without TRUST_PROXY_HOPS the header is ignored.
    for (const spoof of ["1.1.1.1", "8.8.8.8", "9.9.9.9, 10.0.0.1"])
      await expect(login(alice.email, alice.password, IP, { "x-forwarded-for": spoof })).rejects.toThrow("RATE_LIMITED");
    // Behind one trusted proxy the proxy's entry (rightmost) is the address, whatever a client prepends.
    process.env.TRUST_PROXY_HOPS = "1";
    const viaProxy = (spoof: string) => login(alice.email, "wrong again", "10.0.0.2", { "x-forwarded-for": `${spoof}, 203.0.113.50` });
    for (let i = 0; i < 5; i++) expect(await viaProxy(`6.6.6.${i}`)).toBeNull();
    await expect(viaProxy("7.7.7.7")).rejects.toThrow("RATE_LIMITED");
    await expect(login(alice.email, alice.password, "10.0.0.2", { "x-forwarded-for": "203.0.113.50" })).rejects.toThrow("RATE_LIMITED");
  });

  it('without a peer header or trusted proxies (plain next start) everything shares the address "unknown"', async () => {
    const anonymous = (extra: Record<string, string>) => authorizeCredentials({ email: alice.email, password: "nope" }, { headers: extra });
    for (let i = 0; i < 5; i++) expect(await anonymous({ "x-forwarded-for": `5.5.5.${i}` })).toBeNull();
    await expect(
      authorizeCredentials({ email: alice.email, password: alice.password }, { headers: { "x-forwarded-for": "4.4.4.4" } }),
    ).rejects.toThrow("RATE_LIMITED");
    const rows = await db.rateLimit.findMany();
    expect(rows.map((r) => r.key).join(" ")).toContain("alice@example.test|unknown");
  });

  it("keeps its counters in the database (so they hold across server processes)", async () => {
    await fail(2);
    const rows = await db.rateLimit.findMany();
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((r) => r.key).join(" ")).toContain("alice@example.test");
  });
});
