import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { dealsApi, draftDealViaApi, errorPaths, expectProblem } from "../support/api";
import { resetDb } from "../support/db";
import { refusal } from "../support/refusal";
import { statementsApi as api, line, rowCounts, signedWorld, usd, type World } from "./statements-fixtures";

let w: World;

beforeEach(async () => {
  await resetDb();
  w = await signedWorld();
});

const q1 = (w: World, extra: Record<string, unknown> = {}) => ({
  periodStart: "2027-01-01",
  periodEnd: "2027-03-31",
  lines: [line(w.titleId, "1500.00"), line(w.titleId, "500.00", { territory: "VN", mediaRight: "TVOD", revenueType: "LICENSE_FEE" })],
  expenses: usd("150.00"),
  ...extra,
});
const q2 = (w: World, extra: Record<string, unknown> = {}) => ({
  periodStart: "2027-04-01",
  periodEnd: "2027-06-30",
  lines: [line(w.titleId, "3000.00")],
  ...extra,
});

describe("submitting statements", () => {
  it("the licensee submits; the answer is 201 with the statement and its exact waterfall, cumulative and per period", async () => {
    const first = await api.submit(w.partner.headers, w.dealId, q1(w));
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({
      status: "SUBMITTED",
      counting: true,
      lineCount: 2,
      gross: usd("2000.00"),
      expenses: usd("150.00"),
      waterfall: {
        cumulative: {
          gross: usd("2000.00"),
          fee: usd("400.00"),
          expenses: usd("100.00"),
          net: usd("1500.00"),
          licensorShare: usd("750.00"),
          overage: usd("0.00"),
        },
      },
    });
    const second = await api.submit(w.partner.headers, w.dealId, q2(w));
    expect(second.status, second.text).toBe(201);
    // G 5000, F 1000, E min(150, 100), N 3900, S 50% × 2000 + 60% × 1900 = 2140, O 2140 − 1000.
    expect(second.body.waterfall).toEqual({
      cumulative: {
        gross: usd("5000.00"),
        fee: usd("1000.00"),
        expenses: usd("100.00"),
        net: usd("3900.00"),
        licensorShare: usd("2140.00"),
        overage: usd("1140.00"),
      },
      period: {
        gross: usd("3000.00"),
        fee: usd("600.00"),
        expenses: usd("0.00"),
        net: usd("2400.00"),
        licensorShare: usd("1390.00"),
        overage: usd("1140.00"),
      },
    });
    // Step by step, with the inputs: the tiers say how N fell into them.
    const detail = await api.get(w.studio.headers, second.body.id, { linesLimit: 10 });
    expect(detail.status).toBe(200);
    const steps = detail.body.explanation.steps;
    expect(steps.map((s: { symbol: string }) => s.symbol)).toEqual(["G", "F", "E", "N", "S", "O"]);
    expect(detail.body.explanation.tiers).toEqual([
      { from: usd("0.00"), upTo: usd("2000.00"), pct: "50", inTier: usd("2000.00"), earned: "1000" },
      { from: usd("2000.00"), upTo: null, pct: "60", inTier: usd("1900.00"), earned: "1140" },
    ]);
    expect(detail.body.lines.items).toHaveLength(1);
    expect(detail.body.summary.byRevenueType).toEqual([{ key: "STREAMING", gross: usd("3000.00"), lines: 1 }]);

    const list = await api.listForDeal(w.studio.headers, w.dealId);
    expect(list.status).toBe(200);
    expect(list.body.statements.map((s: { periodStart: string }) => s.periodStart)).toEqual(["2027-04-01", "2027-01-01"]);
    expect(list.body.recoupment.map((r: { licensorShare: { amount: string } }) => r.licensorShare.amount)).toEqual(["750.00", "2140.00"]);
    const audit = await db.auditEntry.findMany({ where: { action: "statement.submit" } });
    expect(audit).toHaveLength(2);
    // Lines get time-ordered (version 7) ids, like every other row.
    const lines = await db.statementLine.findMany({ select: { id: true } });
    expect(lines.map((l) => l.id[14])).toEqual(["7", "7", "7"]);
  });

  it("refuses bad lines with 422 naming each line and field, and writes nothing", async () => {
    await api.submit(w.partner.headers, w.dealId, q1(w));
    const before = await rowCounts();
    const bad = await api.submit(w.partner.headers, w.dealId, {
      periodStart: "2027-04-01",
      periodEnd: "2027-06-30",
      lines: [
        line(w.titleId, "10.00"),
        line(w.titleId, "10.00", { gross: { amount: "10.00", currency: "EUR" } }),
        line(w.titleId, "10.123"),
        line(w.titleId, "10.00", { territory: "JP" }),
      ],
    });
    const problem = expectProblem(bad, 422);
    // One answer lists every problem: amounts and rights alike.
    expect(errorPaths(problem)).toEqual(["lines.1.gross.currency", "lines.2.gross.amount", "lines.3.territory"]);
    expect(problem.errors!.find((e) => e.path === "lines.1.gross.currency")!.message).toContain("USD");

    const ungranted = await api.submit(w.partner.headers, w.dealId, {
      periodStart: "2027-04-01",
      periodEnd: "2027-06-30",
      lines: [
        line(w.titleId, "10.00"),
        line(w.otherTitleId, "10.00"),
        line(w.titleId, "10.00", { mediaRight: "AVOD" }),
        line(w.titleId, "10.00", { territory: "JP" }),
      ],
    });
    expect(errorPaths(expectProblem(ungranted, 422))).toEqual(["lines.1.titleId", "lines.2.mediaRight", "lines.3.territory"]);

    const negative = await api.submit(w.partner.headers, w.dealId, { ...q2(w), lines: [line(w.titleId, "-5.00")] });
    expect(errorPaths(expectProblem(negative, 422))).toEqual(["lines.0.gross.amount"]);
    const negativeExpenses = await api.submit(w.partner.headers, w.dealId, { ...q2(w), expenses: usd("-150.00") });
    expect(expectProblem(negativeExpenses, 422).errors).toEqual([
      expect.objectContaining({
        path: "expenses.amount",
        message: 'Use a non-negative decimal string, e.g. "1250000.00".',
        code: expect.any(String),
      }),
    ]);
    const malformed = await api.submit(w.partner.headers, w.dealId, { ...q2(w), lines: [line(w.titleId, "1e3")], expenses: usd("1,000") });
    expect(errorPaths(expectProblem(malformed, 422))).toEqual(["expenses.amount", "lines.0.gross.amount"]);

    const outsideWindow = await api.submit(w.partner.headers, w.dealId, { ...q2(w), periodStart: "2028-01-01", periodEnd: "2028-03-31" });
    const outside = expectProblem(outsideWindow, 422);
    expect(errorPaths(outside)).toEqual(["lines.0.territory"]);
    expect(outside.errors![0]!.message).toContain("2027-12-31");

    const reversed = await api.submit(w.partner.headers, w.dealId, { ...q2(w), periodStart: "2027-06-30", periodEnd: "2027-04-01" });
    expect(errorPaths(expectProblem(reversed, 422))).toEqual(["periodEnd"]);

    const overlapping = await api.submit(w.partner.headers, w.dealId, { ...q2(w), periodStart: "2027-03-01", periodEnd: "2027-05-31" });
    const overlap = expectProblem(overlapping, 422);
    expect(overlap.type).toBe("/problems/period-overlap");
    expect(errorPaths(overlap)).toEqual(["periodStart"]);
    expect(overlap.errors![0]!.message).toContain("2027-01-01");

    expect(await rowCounts()).toEqual(before);
  });

  it("answers malformed bodies of any shape with 422 naming the field, never 500", async () => {
    const before = await rowCounts();
    const cases: [unknown, string[]][] = [
      [{}, ["lines", "periodEnd", "periodStart"]],
      [{ ...q1(w), lines: "many" }, ["lines"]],
      [{ ...q1(w), lines: [] }, ["lines"]],
      [
        { ...q1(w), lines: [{ titleId: "x" }] },
        ["lines.0.gross", "lines.0.mediaRight", "lines.0.revenueType", "lines.0.territory", "lines.0.titleId"],
      ],
      [{ ...q1(w), periodStart: "0000-01-01" }, ["periodStart"]],
      [{ ...q1(w), periodEnd: "2027-02-30" }, ["periodEnd"]],
      [{ ...q1(w), expenses: usd("999999999999999999.99") }, ["expenses.amount"]],
      [{ ...q1(w), supersedesId: 7 }, ["supersedesId"]],
      [[1, 2], [""]],
    ];
    for (const [body, paths] of cases) {
      const res = await api.submit(w.partner.headers, w.dealId, body);
      expect({ body, paths: errorPaths(expectProblem(res, 422)) }).toEqual({ body, paths });
    }
    const receipt = await api.receipt(w.studio.headers, w.dealId, {
      kind: "MG_INSTALMENT",
      amount: usd("1.00"),
      receivedOn: "0000-01-01",
      instalmentIndex: 0,
    });
    expect(errorPaths(expectProblem(receipt, 422))).toEqual(["receivedOn"]);
    expectProblem(await api.get(w.partner.headers, "not-a-uuid"), 404);
    expect(errorPaths(expectProblem(await api.get(w.partner.headers, w.dealId, { linesFrom: "1e30" }), 422))).toEqual(["linesFrom"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("only the licensee submits; only the licensor accepts or disputes; third parties get 404", async () => {
    const asLicensor = await api.submit(w.studio.headers, w.dealId, q1(w));
    expectProblem(asLicensor, 403);
    expectProblem(await api.submit(w.outsider.headers, w.dealId, q1(w)), 404);
    const s = await api.submit(w.partner.headers, w.dealId, q1(w));
    expect(s.status).toBe(201);
    expectProblem(await api.accept(w.partner.headers, s.body.id), 403);
    expectProblem(await api.dispute(w.partner.headers, s.body.id), 403);
    expectProblem(await api.accept(w.outsider.headers, s.body.id), 404);
    expectProblem(await api.dispute(w.outsider.headers, s.body.id), 404);
    expectProblem(await api.get(w.outsider.headers, s.body.id), 404);
    expectProblem(await api.listForDeal(w.outsider.headers, w.dealId), 404);
    expect((await api.list(w.outsider.headers)).body.items).toEqual([]);
    expect((await api.get(w.partner.headers, s.body.id)).status).toBe(200);
    expect((await api.list(w.partner.headers)).body.items).toHaveLength(1);
    const unchanged = await db.statement.findUniqueOrThrow({ where: { id: s.body.id } });
    expect(unchanged.status).toBe("SUBMITTED");
  });

  it("statements need a signed deal", async () => {
    const draft = await draftDealViaApi(w.studio.headers, { licenseeId: w.partner.orgId }, [
      { titleId: w.otherTitleId, territories: ["TH"], mediaRights: ["SVOD"], start: "2027-01-01", end: "2027-12-31", exclusive: false },
    ]);
    expect((await dealsApi.get(w.partner.headers, draft)).body.status).toBe("DRAFT");
    const refused = expectProblem(await api.submit(w.partner.headers, draft, { ...q1(w), lines: [line(w.otherTitleId, "1.00")] }), 409);
    expect(refused.detail).toContain("DRAFT");
  });

  it("accept makes a statement final; dispute stops it counting and frees its period", async () => {
    const a = await api.submit(w.partner.headers, w.dealId, q1(w));
    const accepted = await api.accept(w.studio.headers, a.body.id);
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body).toMatchObject({ status: "ACCEPTED", counting: true });
    expectProblem(await api.accept(w.studio.headers, a.body.id), 409);
    expectProblem(await api.dispute(w.studio.headers, a.body.id), 409);

    const b = await api.submit(w.partner.headers, w.dealId, q2(w));
    const disputed = await api.dispute(w.studio.headers, b.body.id, "Missing the April platform report.");
    expect(disputed.status, disputed.text).toBe(200);
    expect(disputed.body).toMatchObject({
      status: "DISPUTED",
      counting: false,
      disputeReason: "Missing the April platform report.",
      waterfallHypothetical: true,
    });
    // Computed as if it counted: after Q1, the same figures as before.
    expect(disputed.body.waterfall.cumulative.licensorShare).toEqual(usd("2140.00"));
    const blank = expectProblem(await api.dispute(w.studio.headers, a.body.id, "   "), 422);
    expect(errorPaths(blank)).toEqual(["reason"]);

    // The disputed period is free for a new statement; the deal's waterfall skips the disputed one.
    const again = await api.submit(w.partner.headers, w.dealId, q2(w, { lines: [line(w.titleId, "1000.00")] }));
    expect(again.status, again.text).toBe(201);
    expect(again.body.waterfall.cumulative.gross).toEqual(usd("3000.00"));
    const audit = await db.auditEntry.findMany({
      where: { action: { in: ["statement.accept", "statement.dispute"] } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual(["statement.accept", "statement.dispute"]);
  });

  it("a correction supersedes an earlier statement (even an accepted one) for the same period; the earlier one stops counting", async () => {
    const first = await api.submit(w.partner.headers, w.dealId, q1(w));
    await api.accept(w.studio.headers, first.body.id);
    const second = await api.submit(w.partner.headers, w.dealId, q2(w));
    const correction = await api.submit(
      w.partner.headers,
      w.dealId,
      q1(w, { supersedesId: first.body.id, lines: [line(w.titleId, "2500.00")] }),
    );
    expect(correction.status, correction.text).toBe(201);
    expect(correction.body).toMatchObject({ supersedesId: first.body.id, counting: true });
    expect(correction.body.waterfall.cumulative.gross).toEqual(usd("2500.00"));

    const old = await api.get(w.studio.headers, first.body.id);
    expect(old.body).toMatchObject({
      status: "ACCEPTED",
      counting: false,
      superseded: true,
      supersededById: correction.body.id,
      waterfallHypothetical: true,
    });
    // The later statement now builds on the correction: G = 2500 + 3000.
    const later = await api.get(w.studio.headers, second.body.id);
    expect(later.body.waterfall.cumulative.gross).toEqual(usd("5500.00"));
    expectProblem(await api.accept(w.studio.headers, first.body.id), 409);

    // The superseded one cannot be corrected twice; a statement of another deal cannot be superseded.
    const twice = await api.submit(w.partner.headers, w.dealId, q1(w, { supersedesId: first.body.id }));
    expect(errorPaths(expectProblem(twice, 422))).toEqual(["supersedesId"]);
    const unknown = await api.submit(w.partner.headers, w.dealId, q1(w, { supersedesId: "01900000-0000-7000-8000-000000000000" }));
    expect(errorPaths(expectProblem(unknown, 422))).toEqual(["supersedesId"]);
  });

  it("the exclusion constraint refuses overlapping counting periods even past the application", async () => {
    const s = await api.submit(w.partner.headers, w.dealId, q1(w));
    const row = await db.statement.findUniqueOrThrow({ where: { id: s.body.id } });
    const refused = await refusal(
      db.statement.create({
        data: {
          dealId: w.dealId,
          periodStart: new Date("2027-03-31T00:00:00Z"),
          periodEnd: new Date("2027-04-30T00:00:00Z"),
          currency: "USD",
          grossMinor: 0n,
          lineCount: 0,
          source: "API",
        },
      }),
    );
    // 23P01 exclusion_violation, from the constraint on counting periods (not some other refusal).
    expect(refused.sqlState).toBe("23P01");
    expect(refused.message).toContain("statement_counting_periods_disjoint");
    expect(row.counting).toBe(true);
    expect(await db.statement.count()).toBe(1);
  });

  it("concurrent submissions for overlapping periods: exactly one is saved", async () => {
    const results = await Promise.all([
      api.submit(w.partner.headers, w.dealId, q1(w)),
      api.submit(w.partner.headers, w.dealId, q1(w, { periodStart: "2027-02-01", periodEnd: "2027-04-30" })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    // The one saved is the one answered 201, with its own period.
    const saved = results.find((r) => r.status === 201)!;
    const rows = await db.statement.findMany({ select: { id: true, periodStart: true, periodEnd: true } });
    expect(rows).toEqual([
      {
        id: saved.body.id,
        periodStart: new Date(`${saved.body.periodStart}T00:00:00Z`),
        periodEnd: new Date(`${saved.body.periodEnd}T00:00:00Z`),
      },
    ]);
  });
});
