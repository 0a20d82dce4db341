/**
 * Issue 11, point 13, through real routes: JSON bodies over 1 MB answer 413 before being read
 * whole, statement submission allows 32 MB, 200,000-deep nesting answers 422 (it answered 500).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { POST as createTitle } from "@/app/api/v1/titles/route";
import { db } from "@/lib/db/client";
import { callRoute, expectProblem } from "../support/api";
import { resetDb } from "../support/db";
import { line, signedWorld, statementsApi, usd } from "./statements-fixtures";

beforeEach(async () => {
  await resetDb();
});

describe("JSON bodies", () => {
  it("over 1 MB: 413 problem+json; 200,000 deep: 422; statement submission up to 32 MB", async () => {
    const w = await signedWorld();
    const padding = "x".repeat(2 * 1024 * 1024);
    const title = { kind: "FILM", originalTitle: "Big", originalLanguage: "en", year: 2025, synopsis: padding };
    expect(expectProblem(await callRoute(createTitle, "/api/v1/titles", { headers: w.studio.headers, json: title }), 413).type).toBe(
      "/problems/body-too-large",
    );
    const deep = `${"[".repeat(200_000)}${"]".repeat(200_000)}`;
    const nested = await callRoute(createTitle, "/api/v1/titles", {
      headers: { ...w.studio.headers, "content-type": "application/json" },
      rawBody: deep,
    });
    expect(expectProblem(nested, 422).type).toBe("/problems/too-deeply-nested");

    // A 2 MB statement is read (and judged on its content), a 33 MB one is not.
    const lines = Array.from({ length: 12_000 }, () => line(w.titleId, "1.00", { note: "n".repeat(120) }));
    const body = { periodStart: "2027-01-01", periodEnd: "2027-01-31", lines, expenses: usd("0.00") };
    expect(JSON.stringify(body).length).toBeGreaterThan(1024 * 1024);
    const read = await statementsApi.submit(w.partner.headers, w.dealId, body);
    expect(read.status, read.text.slice(0, 300)).not.toBe(413);
    const huge = { ...body, padding: "p".repeat(33 * 1024 * 1024) };
    expectProblem(await statementsApi.submit(w.partner.headers, w.dealId, huge), 413);
    expect(await db.title.count()).toBe(2);
  });
});
