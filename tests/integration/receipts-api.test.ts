import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { errorPaths, expectProblem } from "../support/api";
import { resetDb } from "../support/db";
import { statementsApi as api, line, rowCounts, signedWorld, usd, type World } from "./statements-fixtures";

let w: World;

beforeEach(async () => {
  await resetDb();
  w = await signedWorld();
});

const mg = (amount: string, instalmentIndex: number | undefined = 0, receivedOn = "2027-01-15") => ({
  kind: "MG_INSTALMENT",
  amount: usd(amount),
  receivedOn,
  ...(instalmentIndex === undefined ? {} : { instalmentIndex }),
});
const overage = (amount: string, receivedOn = "2027-07-20") => ({ kind: "OVERAGE", amount: usd(amount), receivedOn });

/** Q1 and Q2 statements: cumulative O after Q2 is 1,140.00 (see statements-api.test.ts). */
async function twoQuarters() {
  for (const [periodStart, periodEnd, gross, expenses] of [
    ["2027-01-01", "2027-03-31", "2000.00", "150.00"],
    ["2027-04-01", "2027-06-30", "3000.00", "0.00"],
  ] as const) {
    const s = await api.submit(w.partner.headers, w.dealId, {
      periodStart,
      periodEnd,
      lines: [line(w.titleId, gross)],
      expenses: usd(expenses),
    });
    expect(s.status, s.text).toBe(201);
  }
}

describe("receipts", () => {
  it("records an MG instalment split creator-first: pool by largest remainder, the studio gets the rest", async () => {
    const res = await api.receipt(w.studio.headers, w.dealId, mg("400.00"));
    expect(res.status, res.text).toBe(201);
    // Pool 10 % = 40.00, shares 2:1 → 26.666… and 13.333…: floors 26.66 + 13.33, the leftover cent to the larger remainder.
    expect(res.body).toMatchObject({
      id: expect.any(String),
      split: {
        creators: [
          { name: "Director Li", amount: usd("26.67") },
          { name: "Writer Wu", amount: usd("13.33") },
        ],
        creatorsTotal: usd("40.00"),
        facility: usd("0.00"),
        studio: usd("360.00"),
      },
    });
    const row = await db.receipt.findUniqueOrThrow({ where: { id: res.body.id }, include: { creatorShares: true } });
    expect(row.creatorsTotalMinor + row.facilityMinor + row.studioMinor).toBe(row.amountMinor);
    expect(row.creatorShares.reduce((a, s) => a + s.amountMinor, 0n)).toBe(row.creatorsTotalMinor);
    expect(await db.auditEntry.count({ where: { action: "receipt.record", entityId: res.body.id } })).toBe(1);

    const list = await api.receipts(w.partner.headers, w.dealId);
    expect(list.status).toBe(200);
    expect(list.body.receipts).toHaveLength(1);
    expect(list.body.receipts[0].split.creatorsTotal).toEqual(usd("40.00"));
  });

  it("an MG receipt may not exceed the instalment still open; 422 says by how much", async () => {
    expect((await api.receipt(w.studio.headers, w.dealId, mg("300.00"))).status).toBe(201);
    const before = await rowCounts();
    const over = expectProblem(await api.receipt(w.studio.headers, w.dealId, mg("100.01")), 422) as ReturnType<typeof expectProblem> &
      Record<string, unknown>;
    expect(over.type).toBe("/problems/receipt-exceeds-open");
    expect(over.detail).toContain("100.00 USD open");
    expect(over.detail).toContain("0.01 USD more");
    expect(over.open).toEqual(usd("100.00"));
    expect(over.excess).toEqual(usd("0.01"));
    expect(errorPaths(over)).toEqual(["amount.amount"]);
    expect(await rowCounts()).toEqual(before);
    expect((await api.receipt(w.studio.headers, w.dealId, mg("100.00"))).status).toBe(201);
    expect((await api.receipt(w.studio.headers, w.dealId, mg("600.00", 1))).status).toBe(201);

    expect(
      errorPaths(
        expectProblem(
          await api.receipt(w.studio.headers, w.dealId, { kind: "MG_INSTALMENT", amount: usd("1.00"), receivedOn: "2027-01-15" }),
          422,
        ),
      ),
    ).toEqual(["instalmentIndex"]);
    expect(errorPaths(expectProblem(await api.receipt(w.studio.headers, w.dealId, mg("1.00", 2)), 422))).toEqual(["instalmentIndex"]);
    expect(errorPaths(expectProblem(await api.receipt(w.studio.headers, w.dealId, mg("1.001")), 422))).toEqual(["amount.amount"]);
    expect(errorPaths(expectProblem(await api.receipt(w.studio.headers, w.dealId, mg("0.00")), 422))).toEqual(["amount.amount"]);
    const eur = { ...mg("1.00"), amount: { amount: "1.00", currency: "EUR" } };
    expect(errorPaths(expectProblem(await api.receipt(w.studio.headers, w.dealId, eur), 422))).toEqual(["amount.currency"]);

    const balance = await api.balance(w.partner.headers, w.dealId);
    expect(balance.status).toBe(200);
    expect(balance.body).toMatchObject({
      mgContracted: usd("1000.00"),
      mgReceived: usd("1000.00"),
      overageDue: usd("0.00"),
      overageReceived: usd("0.00"),
      instalments: [
        { index: 0, amount: usd("400.00"), received: usd("400.00"), open: usd("0.00") },
        { index: 1, amount: usd("600.00"), received: usd("600.00"), open: usd("0.00") },
      ],
    });
  });

  it("an overage receipt may not exceed the overage due and unpaid", async () => {
    const none = expectProblem(await api.receipt(w.studio.headers, w.dealId, overage("0.01")), 422) as Record<string, unknown>;
    expect(none.excess).toEqual(usd("0.01"));
    await twoQuarters();
    const over = expectProblem(await api.receipt(w.studio.headers, w.dealId, overage("1140.01")), 422) as Record<string, unknown>;
    expect(over.open).toEqual(usd("1140.00"));
    expect(over.excess).toEqual(usd("0.01"));
    expect((await api.receipt(w.studio.headers, w.dealId, overage("1000.00"))).status).toBe(201);
    const rest = expectProblem(await api.receipt(w.studio.headers, w.dealId, overage("140.01")), 422) as Record<string, unknown>;
    expect(rest.excess).toEqual(usd("0.01"));
    expect((await api.receipt(w.studio.headers, w.dealId, overage("140.00"))).status).toBe(201);
    const balance = await api.balance(w.studio.headers, w.dealId);
    expect(balance.body).toMatchObject({ overageDue: usd("1140.00"), overageReceived: usd("1140.00"), overageOpen: usd("0.00") });
  });

  it("only the licensor records receipts; third parties get 404 for receipts and balance", async () => {
    expectProblem(await api.receipt(w.partner.headers, w.dealId, mg("1.00")), 403);
    expectProblem(await api.receipt(w.outsider.headers, w.dealId, mg("1.00")), 404);
    expectProblem(await api.receipts(w.outsider.headers, w.dealId), 404);
    expectProblem(await api.balance(w.outsider.headers, w.dealId), 404);
    expectProblem(await api.creatorStatements(w.outsider.headers, w.dealId), 404);
    // Creator statements are the licensor's (the studio pays its creators).
    expectProblem(await api.creatorStatements(w.partner.headers, w.dealId), 404);
    expect(await db.receipt.count()).toBe(0);
  });

  it("two concurrent MG receipts on the same instalment cannot both pass", async () => {
    const results = await Promise.all([
      api.receipt(w.studio.headers, w.dealId, mg("300.00")),
      api.receipt(w.studio.headers, w.dealId, mg("300.00")),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    const sum = await db.receipt.aggregate({ _sum: { amountMinor: true } });
    expect(sum._sum.amountMinor).toBe(30000n);
  });

  it("creator statements sum each participant's shares per period, as JSON and CSV", async () => {
    await api.receipt(w.studio.headers, w.dealId, mg("400.00", 0, "2027-01-15"));
    await api.receipt(w.studio.headers, w.dealId, mg("300.00", 1, "2027-02-10"));
    await api.receipt(w.studio.headers, w.dealId, mg("300.00", 1, "2027-04-02"));
    const quarterly = await api.creatorStatements(w.studio.headers, w.dealId, { period: "quarter" });
    expect(quarterly.status, quarterly.text).toBe(200);
    // Q1: pools 40.00 (26.67 + 13.33) and 30.00 (20.00 + 10.00); Q2: 30.00.
    expect(
      quarterly.body.items.map((r: { name: string; period: string; amount: { amount: string } }) => [r.period, r.name, r.amount.amount]),
    ).toEqual([
      ["2027-Q1", "Director Li", "46.67"],
      ["2027-Q1", "Writer Wu", "23.33"],
      ["2027-Q2", "Director Li", "20.00"],
      ["2027-Q2", "Writer Wu", "10.00"],
    ]);
    const monthly = await api.creatorStatements(w.studio.headers, w.dealId, { period: "month" });
    expect(monthly.body.items.map((r: { period: string }) => r.period)).toEqual([
      "2027-01",
      "2027-01",
      "2027-02",
      "2027-02",
      "2027-04",
      "2027-04",
    ]);
    const csv = await api.creatorStatements(w.studio.headers, w.dealId, { period: "quarter", format: "csv" });
    expect(csv.contentType).toContain("text/csv");
    const rows = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(rows[0]).toBe("deal,participant,role,period,period_start,period_end,receipts,amount,currency");
    expect(rows[1]).toContain("Director Li,Director,2027-Q1,2027-01-01,2027-03-31,2,46.67,USD");
  });
});
