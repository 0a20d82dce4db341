import { beforeEach, describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { bearer, createApiKeyViaApi, dealsApi, draftDealViaApi, expectProblem, proposeAndSignViaApi } from "../support/api";
import { resetDb } from "../support/db";
import { obligationsApi as api, type ObligationWorld, obligationWorld, todayOf } from "./obligations-fixtures";
import { line, statementsApi, usd } from "./statements-fixtures";

let w: ObligationWorld;

beforeEach(async () => {
  await resetDb();
  w = await obligationWorld(7, 40);
});

// biome-ignore lint/suspicious/noExplicitAny: JSON items asserted field by field
const ids = (items: any[]) => items.map((o) => o.id);

describe("GET /api/v1/obligations", () => {
  it("lists the deal's obligations for both parties in due-date order, each with its side", async () => {
    const partner = await api.list(w.partner.headers, { limit: 200 });
    expect(partner.status, partner.text).toBe(200);
    const items = partner.body.items;
    expect(partner.body.nextCursor).toBeNull();
    // 2 instalments, 4 quarterly statements over 2027, the grant's expiry.
    expect(items.map((o: { kind: string }) => o.kind).sort()).toEqual([
      "MG_INSTALMENT",
      "MG_INSTALMENT",
      "RIGHTS_EXPIRY",
      "STATEMENT",
      "STATEMENT",
      "STATEMENT",
      "STATEMENT",
    ]);
    const dates = items.map((o: { dueDate: string }) => o.dueDate);
    expect(dates).toEqual([...dates].sort());
    expect(items[0]).toEqual({
      id: `MG_INSTALMENT.${w.dealId}.0`,
      kind: "MG_INSTALMENT",
      dueDate: w.firstDue,
      status: "DUE",
      side: "OWED_BY_US",
      deal: { id: w.dealId, name: expect.any(String) },
      title: null,
      amount: usd("400.00"),
      outstanding: usd("400.00"),
      href: `/deals/${w.dealId}/receipts`,
    });
    expect(items.find((o: { id: string }) => o.id === `MG_INSTALMENT.${w.dealId}.1`)).toMatchObject({
      dueDate: w.secondDue,
      status: "UPCOMING",
    });
    const statements = items.filter((o: { kind: string }) => o.kind === "STATEMENT");
    expect(statements.map((o: { dueDate: string }) => o.dueDate)).toEqual(["2027-05-15", "2027-08-14", "2027-11-14", "2028-02-14"]);
    expect(items.find((o: { kind: string }) => o.kind === "RIGHTS_EXPIRY")).toMatchObject({
      dueDate: "2027-12-31",
      side: "INFO",
      title: { id: w.titleId, name: "玉山" },
    });

    const studio = await api.list(w.studio.headers, { limit: 200 });
    expect(ids(studio.body.items)).toEqual(ids(items));
    expect(studio.body.items[0].side).toBe("OWED_TO_US");
  });

  it("pages by due date with a cursor: every item once, in order", async () => {
    const all = ids((await api.list(w.partner.headers, { limit: 200 })).body.items);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await api.list(w.partner.headers, { limit: 2, cursor });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...ids(res.body.items));
      cursor = res.body.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(seen).toEqual(all);
    // A crafted cursor reads as the first page, never a 500.
    const crafted = await api.list(w.partner.headers, { limit: 2, cursor: "not-a-cursor" });
    expect(ids(crafted.body.items)).toEqual(all.slice(0, 2));
  });

  it("filters by kind, status, dates and deal", async () => {
    const statements = await api.list(w.partner.headers, { kind: "STATEMENT" });
    expect(statements.body.items).toHaveLength(4);
    const money = await api.list(w.partner.headers, { kind: "MG_INSTALMENT,RIGHTS_EXPIRY" });
    expect(money.body.items).toHaveLength(3);
    const due = await api.list(w.partner.headers, { status: "DUE" });
    expect(ids(due.body.items)).toEqual([`MG_INSTALMENT.${w.dealId}.0`]);
    const range = await api.list(w.partner.headers, { from: "2027-05-15", to: "2027-11-14" });
    expect(range.body.items.map((o: { dueDate: string }) => o.dueDate)).toEqual(["2027-05-15", "2027-08-14", "2027-11-14"]);
    const byDeal = await api.list(w.partner.headers, { dealId: w.dealId, limit: 200 });
    expect(byDeal.body.items).toHaveLength(7);
  });

  it("filters by side, as each party sees it", async () => {
    const owed = await api.list(w.partner.headers, { side: "OWED_BY_US", limit: 200 });
    expect(owed.status, owed.text).toBe(200);
    // The licensee owes the instalments and the statements; the grant's expiry is for information.
    expect(owed.body.items).toHaveLength(6);
    expect(owed.body.items.every((o: { side: string }) => o.side === "OWED_BY_US")).toBe(true);
    expect((await api.list(w.studio.headers, { side: "OWED_TO_US", limit: 200 })).body.items).toHaveLength(6);
    expect((await api.list(w.studio.headers, { side: "OWED_BY_US" })).body.items).toEqual([]);
    const info = await api.list(w.partner.headers, { side: "INFO,OWED_TO_US" });
    expect(info.body.items.map((o: { kind: string }) => o.kind)).toEqual(["RIGHTS_EXPIRY"]);
    expect(expectProblem(await api.list(w.partner.headers, { side: "MINE" }), 422).type).toBe("/problems/validation-failed");
  });

  it("becomes DONE when receipts cover an instalment and a counting statement covers a period", async () => {
    const today = await todayOf(w.studio.orgId);
    const paid = await statementsApi.receipt(w.studio.headers, w.dealId, {
      kind: "MG_INSTALMENT",
      amount: usd("400.00"),
      receivedOn: today,
      instalmentIndex: 0,
    });
    expect(paid.status, paid.text).toBe(201);
    const s = await statementsApi.submit(w.partner.headers, w.dealId, {
      periodStart: "2027-01-01",
      periodEnd: "2027-03-31",
      lines: [line(w.titleId, "100.00")],
      expenses: usd("0.00"),
    });
    expect(s.status, s.text).toBe(201);
    const res = await api.list(w.partner.headers, { limit: 200 });
    const byId = new Map(res.body.items.map((o: { id: string }) => [o.id, o]));
    expect(byId.get(`MG_INSTALMENT.${w.dealId}.0`)).toMatchObject({ status: "DONE", outstanding: usd("0.00") });
    expect(byId.get(`STATEMENT.${w.dealId}.2027-01-01`)).toMatchObject({ status: "DONE" });
    expect(byId.get(`STATEMENT.${w.dealId}.2027-04-01`)).toMatchObject({ status: "UPCOMING" });
    const open = await api.list(w.partner.headers, { status: "DUE,OVERDUE" });
    expect(open.body.items).toEqual([]);
  });

  it("answers API keys like sessions", async () => {
    const key = await createApiKeyViaApi(w.partner.headers, "calendar", "read");
    const res = await api.list(bearer(key.key), { kind: "MG_INSTALMENT" });
    expect(res.status, res.text).toBe(200);
    expect(res.body.items).toHaveLength(2);
  });

  it("refuses bad filters with 422 naming the field", async () => {
    for (const query of [
      { kind: "STATEMENTS" },
      { status: "LATE" },
      { from: "2027-02-30" },
      { from: "2027-03-01", to: "2027-02-01" },
      { limit: 0 },
    ]) {
      const problem = expectProblem(await api.list(w.partner.headers, query), 422);
      expect(problem.type).toBe("/problems/validation-failed");
    }
  });
});

describe("obligations tenancy", () => {
  it("another organisation sees none of them, and a deal that is not its own is 404", async () => {
    const outsider = await api.list(w.outsider.headers, { limit: 200 });
    expect(outsider.status).toBe(200);
    expect(outsider.body.items).toEqual([]);
    expectProblem(await api.list(w.outsider.headers, { dealId: w.dealId }), 404);
    expectProblem(await api.list(w.partner.headers, { dealId: "0190d0d0-0000-7000-8000-000000000000" }), 404);
    const key = await createApiKeyViaApi(w.outsider.headers, "snoop", "read");
    expectProblem(await api.list(bearer(key.key), { dealId: w.dealId }), 404);
  });

  it("statuses use the organisation's own calendar date", async () => {
    const today = await todayOf(w.partner.orgId);
    expect(addDays(today, 7)).toBe(w.firstDue);
  });
});

describe("reporting terms on the deal", () => {
  it("are PATCHable with the other terms, refused out of range, and drive the statement obligations", async () => {
    const dealId = await draftDealViaApi(w.studio.headers, { licenseeId: w.partner.orgId }, [
      { titleId: w.titleId, territories: ["JP"], mediaRights: ["SVOD"], start: "2028-02-15", end: "2028-06-15", exclusive: true },
    ]);
    const fresh = await dealsApi.get(w.studio.headers, dealId);
    expect(fresh.body.terms).toMatchObject({ reportingFrequency: "QUARTERLY", reportingDueDays: 45, paymentDueDays: 30 });
    for (const [terms, path] of [
      [{ reportingDueDays: 0 }, "terms.reportingDueDays"],
      [{ reportingDueDays: 181 }, "terms.reportingDueDays"],
      [{ paymentDueDays: -1 }, "terms.paymentDueDays"],
      [{ reportingFrequency: "WEEKLY" }, "terms.reportingFrequency"],
    ] as const) {
      const refused = expectProblem(await dealsApi.patch(w.studio.headers, dealId, { version: fresh.body.version, terms }), 422);
      expect(JSON.stringify(refused)).toContain(path);
    }
    const patched = await dealsApi.patch(w.studio.headers, dealId, {
      version: fresh.body.version,
      terms: { reportingFrequency: "MONTHLY", reportingDueDays: 20, paymentDueDays: 0 },
    });
    expect(patched.status, patched.text).toBe(200);
    const read = await dealsApi.get(w.partner.headers, dealId);
    expect(read.body.terms).toMatchObject({ reportingFrequency: "MONTHLY", reportingDueDays: 20, paymentDueDays: 0 });
    await proposeAndSignViaApi(dealId, w.studio.headers, w.partner.headers);
    const statements = await api.list(w.partner.headers, { dealId, kind: "STATEMENT" });
    // 15 Feb – 15 Jun 2028, monthly: Feb (from the 15th), Mar, Apr, May, Jun (to the 15th), each due 20 days after.
    expect(statements.body.items.map((o: { dueDate: string }) => o.dueDate)).toEqual([
      "2028-03-20",
      "2028-04-20",
      "2028-05-20",
      "2028-06-20",
      "2028-07-05",
    ]);
  });
});
