/**
 * Issue 17 point 15: GET /api/v1/deals/{id}/statements follows the list convention — `items` and
 * `nextCursor` (keyset pages by `limit` and `cursor`) — and keeps its other fields unchanged.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { errorPaths, expectProblem } from "../support/api";
import { resetDb } from "../support/db";
import { statementsApi as api, line, signedWorld, usd, type World } from "./statements-fixtures";

let w: World;
const MONTHS = ["01", "02", "03", "04", "05"];

beforeEach(async () => {
  await resetDb();
  w = await signedWorld();
  for (const m of MONTHS) {
    const res = await api.submit(w.partner.headers, w.dealId, {
      periodStart: `2027-${m}-01`,
      periodEnd: `2027-${m}-28`,
      lines: [line(w.titleId, "100.00")],
      expenses: usd("0.00"),
    });
    expect(res.status, res.text).toBe(201);
  }
  // A correction of January: two statements share a period (the tie is broken by time, then id).
  const january = (await api.listForDeal(w.partner.headers, w.dealId)).body.statements.at(-1);
  const fix = await api.submit(w.partner.headers, w.dealId, {
    periodStart: "2027-01-01",
    periodEnd: "2027-01-28",
    lines: [line(w.titleId, "120.00")],
    expenses: usd("0.00"),
    supersedesId: january.id,
  });
  expect(fix.status, fix.text).toBe(201);
});

async function allPages(headers: Record<string, string>, limit: number) {
  const pages: { id: string }[][] = [];
  let cursor: string | undefined;
  do {
    const res = await api.listForDeal(headers, w.dealId, { limit, cursor });
    expect(res.status, res.text).toBe(200);
    pages.push(res.body.items);
    cursor = res.body.nextCursor ?? undefined;
    expect(pages.length).toBeLessThan(10);
  } while (cursor);
  return pages;
}

describe("GET /deals/{id}/statements", () => {
  it("keeps deal, terms, statements and recoupment, and adds the first page as items with nextCursor", async () => {
    const res = await api.listForDeal(w.studio.headers, w.dealId);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(["deal", "items", "nextCursor", "recoupment", "statements", "terms"]);
    expect(res.body.statements).toHaveLength(6);
    // Within the default limit: one page, the same rows in the same order.
    expect(res.body.items).toEqual(res.body.statements);
    expect(res.body.nextCursor).toBeNull();
  });

  it("pages by limit and cursor through every statement once, newest period first", async () => {
    const everything = (await api.listForDeal(w.partner.headers, w.dealId)).body.statements.map((s: { id: string }) => s.id);
    for (const limit of [1, 2, 4]) {
      const pages = await allPages(w.partner.headers, limit);
      expect(pages.length, `limit ${limit}`).toBe(Math.ceil(6 / limit));
      expect(pages.flat().map((s) => s.id)).toEqual(everything);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(limit);
    }
    const periods = (await api.listForDeal(w.partner.headers, w.dealId)).body.items.map((s: { periodStart: string }) => s.periodStart);
    expect(periods).toEqual(["2027-05-01", "2027-04-01", "2027-03-01", "2027-02-01", "2027-01-01", "2027-01-01"]);
  });

  it("refuses a limit out of range on the field and ignores a cursor it cannot read", async () => {
    for (const limit of [0, 201, "x"]) {
      expect(errorPaths(expectProblem(await api.listForDeal(w.studio.headers, w.dealId, { limit }), 422))).toEqual(["limit"]);
    }
    for (const cursor of ["nonsense", Buffer.from(JSON.stringify({ p: "2027-99-01", c: "x", id: "y" })).toString("base64url")]) {
      const res = await api.listForDeal(w.studio.headers, w.dealId, { limit: 2, cursor });
      expect(res.status, cursor).toBe(200);
      expect(res.body.items.map((s: { id: string }) => s.id)).toEqual(res.body.statements.slice(0, 2).map((s: { id: string }) => s.id));
    }
  });

  it("answers 404 to an organisation that is not party to the deal, whatever the page", async () => {
    expectProblem(await api.listForDeal(w.outsider.headers, w.dealId, { limit: 1 }), 404);
  });
});
