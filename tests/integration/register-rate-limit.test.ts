/**
 * Issue 11, point 10: registration is limited per client address (REGISTER_MAX_PER_HOUR, default
 * 60), and a spoofed X-Forwarded-For does not buy fresh attempts.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as register } from "@/app/api/v1/auth/register/route";
import { db } from "@/lib/db/client";
import { callRoute, expectProblem, TEST_PASSWORD, uniqueEmail } from "../support/api";
import { resetDb } from "../support/db";

const signUp = (headers: Record<string, string>) =>
  callRoute(register, "/api/v1/auth/register", {
    headers,
    json: {
      email: uniqueEmail("limit"),
      password: TEST_PASSWORD,
      name: "Limit Tester",
      organization: { name: "Limit Studio", kind: "STUDIO", homeCountry: "CN" },
    },
  });

beforeEach(async () => {
  await resetDb();
  process.env.REGISTER_MAX_PER_HOUR = "3";
});

afterEach(() => {
  delete process.env.REGISTER_MAX_PER_HOUR;
});

describe("POST /api/v1/auth/register per address", () => {
  it("answers 429 with Retry-After past the limit; spoofed X-Forwarded-For does not help; other addresses may", async () => {
    const peer = { "x-rightsbridge-peer": "198.51.100.77" };
    for (let i = 0; i < 3; i++) expect((await signUp(peer)).status).toBe(201);
    const refused = await signUp({ ...peer, "x-forwarded-for": "1.2.3.4" });
    expect(expectProblem(refused, 429).type).toBe("/problems/rate-limited");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expectProblem(await signUp({ ...peer, "x-forwarded-for": "5.6.7.8" }), 429);
    expect(await db.user.count()).toBe(3);
    expect((await signUp({ "x-rightsbridge-peer": "198.51.100.78" })).status).toBe(201);
  });
});
