/**
 * The credentials provider's own authorize(), as next-auth calls it on POST /api/auth/callback/
 * credentials: null for a wrong password, the user for a right one, and a thrown RATE_LIMITED
 * (which next-auth hands to the login form as `error`) once an account or an IP is blocked.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/options";
import { db } from "@/lib/db/client";
import { type Registered, registerViaApi, uniqueEmail } from "../support/api";
import { resetDb } from "../support/db";

const IP = "203.0.113.7";
const login = (email: string, password: string, ip = IP) =>
  authorizeCredentials({ email, password }, { headers: { "x-forwarded-for": `${ip}, 10.0.0.1` } });

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

describe("login rate limit", () => {
  it("after 5 failures refuses even the right password with RATE_LIMITED", async () => {
    await fail(5);
    await expect(login(alice.email, alice.password)).rejects.toThrow("RATE_LIMITED");
    await expect(login(alice.email, "still wrong")).rejects.toThrow("RATE_LIMITED");
    // From another IP too: the limit is per account.
    await expect(login(alice.email, alice.password, "198.51.100.9")).rejects.toThrow("RATE_LIMITED");
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

  it("does not block another account from the same IP", async () => {
    await fail(5);
    expect(await login(bob.email, bob.password)).toMatchObject({ id: bob.userId });
  });

  it("resets the account's counter on success (4 failures, success, 4 failures: still allowed)", async () => {
    await fail(4);
    expect(await login(alice.email, alice.password)).toMatchObject({ id: alice.userId });
    await fail(4);
    expect(await login(alice.email, alice.password)).toMatchObject({ id: alice.userId });
  });

  it("blocks an IP after 50 failures across accounts, for every account, but not other IPs", async () => {
    const attackerIp = "192.0.2.66";
    // Unknown accounts: each failure still costs a password check, so these run in parallel.
    const attempts = Array.from({ length: 50 }, () => login(uniqueEmail("probe"), "guess-guess-guess", attackerIp));
    expect(await Promise.all(attempts)).toEqual(Array(50).fill(null));

    await expect(login(bob.email, bob.password, attackerIp)).rejects.toThrow("RATE_LIMITED");
    expect(await login(bob.email, bob.password, "198.51.100.20")).toMatchObject({ id: bob.userId });
  });

  it("keeps its counters in the database (so they hold across server processes)", async () => {
    await fail(2);
    const rows = await db.rateLimit.findMany();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.map((r) => r.key).join(" ")).toContain("alice@example.test");
  });
});
