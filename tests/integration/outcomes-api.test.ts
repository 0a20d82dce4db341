/**
 * GET /api/v1/outcomes against real Postgres: hand-made receipts in USD, CNY and KRW, dated FX
 * rates, exact figures worked out by hand (see each comment), the breakdowns summing to the totals,
 * the null ratio, scoping to the active organisation, CSV export, 422s and the platform view.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { errorPaths, expectProblem, type Registered, registerViaApi, sessionHeaders } from "../support/api";
import { resetDb } from "../support/db";
import { outcomesApi as api, fxRate, receipt, signedDeal, statement, title } from "./outcomes-fixtures";

let studioCn: Registered;
let studioKr: Registered;
let partnerTh: Registered;
let partnerCn: Registered;
let jade: string;
let crime: string;
let hanbit: string;

const usd = (amount: string) => ({ amount, currency: "USD" });
const RANGE = { from: "2025-12-01", to: "2026-03-31", currency: "USD" };

beforeEach(async () => {
  await resetDb();
  studioCn = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  studioKr = await registerViaApi({ organization: { name: "Hanbit", kind: "STUDIO", homeCountry: "KR" } });
  partnerTh = await registerViaApi({ organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" } });
  partnerCn = await registerViaApi({ organization: { name: "Beijing Cinemas", kind: "PARTNER", homeCountry: "CN" } });
  jade = await title(studioCn.orgId, "玉山", ["XIANXIA", "FANTASY"], { en: "Jade Mountain", zh: "玉山" });
  crime = await title(studioCn.orgId, "暗河", ["CRIME"], { en: "Dark River" });
  hanbit = await title(studioKr.orgId, "한빛", ["DRAMA"], { en: "First Light" });

  // FX: 1 USD = 7.2 CNY from 2026-01-01 (also in force for 2025-12 via an older row), 7.1 from
  // 2026-03-01; 1 USD = 1350 KRW.
  await fxRate("2025-11-01", "USD", "CNY", "7.2");
  await fxRate("2026-03-01", "USD", "CNY", "7.1");
  await fxRate("2025-11-01", "USD", "KRW", "1350");

  // Deal A: the CN studio licenses Jade (SVOD+AVOD) and Crime (theatrical) to a Thai partner, USD.
  const dealA = await signedDeal({
    licensorId: studioCn.orgId,
    licenseeId: partnerTh.orgId,
    currency: "USD",
    grants: [{ titleId: jade, mediaRights: ["SVOD", "AVOD"] }],
  });
  // Q1 statement: Jade SVOD streaming 3000.00, Crime theatrical box office 1000.00 (3 : 1).
  await statement({
    dealId: dealA,
    currency: "USD",
    periodStart: "2026-01-01",
    periodEnd: "2026-03-31",
    lines: [
      { titleId: jade, territory: "TH", mediaRight: "SVOD", revenueType: "STREAMING", grossMinor: 200000n },
      { titleId: crime, territory: "TH", mediaRight: "THEATRICAL", revenueType: "BOX_OFFICE", grossMinor: 100000n },
      { titleId: jade, territory: "TH", mediaRight: "SVOD", revenueType: "STREAMING", grossMinor: 100000n },
    ],
  });
  // A superseded statement (not counting) and a later one must not move the allocation.
  await statement({
    dealId: dealA,
    currency: "USD",
    periodStart: "2025-10-01",
    periodEnd: "2025-10-31",
    counting: false,
    lines: [{ titleId: crime, territory: "TH", mediaRight: "AVOD", revenueType: "ADVERTISING", grossMinor: 999999999n }],
  });
  await statement({
    dealId: dealA,
    currency: "USD",
    periodStart: "2026-04-01",
    periodEnd: "2026-06-30",
    lines: [{ titleId: crime, territory: "TH", mediaRight: "TVOD", revenueType: "OTHER", grossMinor: 999999999n }],
  });
  // R1: 500.00 before any statement → over the one grant: Jade SVOD 250.00, AVOD 250.00 (licence fee).
  await receipt(dealA, "USD", 50000n, "2025-12-20");
  // R2: 1000.01 over the Q1 lines 3 : 1 → Jade SVOD 750.01 (the leftover cent: remainder .75), Crime 250.00.
  await receipt(dealA, "USD", 100001n, "2026-01-15", "OVERAGE");

  // Deal D: Crime theatrical to the Thai partner in CNY, no statement. R3: CNY 7100.00 on
  // 2026-03-15 at 1/7.1 → USD 1000.00, all to Crime theatrical.
  const dealD = await signedDeal({
    licensorId: studioCn.orgId,
    licenseeId: partnerTh.orgId,
    currency: "CNY",
    grants: [{ titleId: crime, mediaRights: ["THEATRICAL"] }],
  });
  await receipt(dealD, "CNY", 710000n, "2026-03-15");

  // Deal B: the CN studio licenses a Korean title in (it pays). R4: KRW 1,350,000 → USD 1000.00.
  const dealB = await signedDeal({
    licensorId: studioKr.orgId,
    licenseeId: studioCn.orgId,
    currency: "KRW",
    grants: [{ titleId: hanbit, mediaRights: ["FREE_TV"] }],
  });
  await receipt(dealB, "KRW", 1350000n, "2026-02-10");

  // Deal C: domestic (CN → CN): not an IP receipt. CNY 7000.00 → USD 972.22 in the platform's "all receipts".
  const dealC = await signedDeal({
    licensorId: studioCn.orgId,
    licenseeId: partnerCn.orgId,
    currency: "CNY",
    grants: [{ titleId: jade, mediaRights: ["TV"] }],
  });
  await receipt(dealC, "CNY", 700000n, "2026-02-01");
  // Outside the range: never counted.
  await receipt(dealA, "USD", 123400n, "2026-04-02", "OVERAGE");
});

const sum = (rows: { receipts: { amount: string }; payments: { amount: string } }[], side: "receipts" | "payments") =>
  (rows.reduce((s, r) => s + BigInt(r[side].amount.replace(".", "")), 0n) / 1n).toString();

describe("GET /api/v1/outcomes", () => {
  it("gives exact IP receipts, payments and ratio with the series and every breakdown", async () => {
    const res = await api.get(studioCn.headers, RANGE);
    expect(res.status, res.text).toBe(200);
    const o = res.body;
    expect(o).toMatchObject({
      organizationId: studioCn.orgId,
      homeCountry: "CN",
      from: "2025-12-01",
      to: "2026-03-31",
      currency: "USD",
      granularity: "month",
      receipts: usd("2500.01"),
      payments: usd("1000.00"),
      ratio: "2.5000",
      receiptCount: 3,
      paymentCount: 1,
    });
    expect(o.series).toEqual([
      { period: "2025-12", start: "2025-12-01", end: "2025-12-31", receipts: usd("500.00"), payments: usd("0.00"), ratio: null },
      { period: "2026-01", start: "2026-01-01", end: "2026-01-31", receipts: usd("1000.01"), payments: usd("0.00"), ratio: null },
      { period: "2026-02", start: "2026-02-01", end: "2026-02-28", receipts: usd("0.00"), payments: usd("1000.00"), ratio: "0.0000" },
      { period: "2026-03", start: "2026-03-01", end: "2026-03-31", receipts: usd("1000.00"), payments: usd("0.00"), ratio: null },
    ]);
    const pick = (rows: { key: string; receipts: unknown; payments: unknown }[]) =>
      Object.fromEntries(rows.map((r) => [r.key, [(r.receipts as { amount: string }).amount, (r.payments as { amount: string }).amount]]));
    expect(pick(o.byCountry)).toEqual({ TH: ["2500.01", "0.00"], KR: ["0.00", "1000.00"] });
    expect(o.byCountry[0]).toMatchObject({ key: "TH", label: "Thailand", ratio: null });
    expect(pick(o.byMediaRight)).toEqual({
      THEATRICAL: ["1250.00", "0.00"],
      SVOD: ["1000.01", "0.00"],
      FREE_TV: ["0.00", "1000.00"],
      AVOD: ["250.00", "0.00"],
    });
    expect(pick(o.byRevenueType)).toEqual({
      LICENSE_FEE: ["1500.00", "1000.00"],
      STREAMING: ["750.01", "0.00"],
      BOX_OFFICE: ["250.00", "0.00"],
    });
    expect(o.byRevenueType[0]).toMatchObject({ label: "Licence fee", ratio: "1.5000" });
    expect(pick(o.byTitle)).toEqual({ [jade]: ["1250.01", "0.00"], [crime]: ["1250.00", "0.00"], [hanbit]: ["0.00", "1000.00"] });
    expect(o.byTitle.find((r: { key: string }) => r.key === jade).label).toBe("Jade Mountain");
    // Jade's parts split over its two genres: 125.00 + 125.00 + 375.01 and 125.00 + 125.00 + 375.00.
    expect(pick(o.byGenre)).toEqual({
      CRIME: ["1250.00", "0.00"],
      DRAMA: ["0.00", "1000.00"],
      XIANXIA: ["625.01", "0.00"],
      FANTASY: ["625.00", "0.00"],
    });
    for (const rows of [o.series, o.byCountry, o.byMediaRight, o.byRevenueType, o.byGenre, o.byTitle]) {
      expect(sum(rows, "receipts")).toBe("250001");
      expect(sum(rows, "payments")).toBe("100000");
    }
    // Which rates converted what: the inverse of USD→CNY 7.1 and of USD→KRW 1350.
    expect(o.fxRatesUsed).toEqual([
      { date: "2025-11-01", base: "KRW", quote: "USD", rate: "0.000740740740740741", via: "INVERSE", receipts: 1 },
      { date: "2026-03-01", base: "CNY", quote: "USD", rate: "0.140845070422535211", via: "INVERSE", receipts: 1 },
    ]);
  });

  it("reports in another currency through dated direct and cross rates, by quarter", async () => {
    const res = await api.get(studioCn.headers, { ...RANGE, currency: "CNY", granularity: "quarter" });
    expect(res.status, res.text).toBe(200);
    // 500.00 × 7.2 = 3600.00; 1000.01 × 7.2 = 7200.072 → 7200.07; CNY 7100.00 as is → 17900.07.
    // KRW 1,350,000 × (1/1350 × 7.2, through USD) = 7200.00.
    expect(res.body).toMatchObject({
      currency: "CNY",
      receipts: { amount: "17900.07", currency: "CNY" },
      payments: { amount: "7200.00", currency: "CNY" },
      ratio: "2.4861",
    });
    expect(res.body.series.map((p: { period: string; receipts: { amount: string } }) => [p.period, p.receipts.amount])).toEqual([
      ["2025-Q4", "3600.00"],
      ["2026-Q1", "14300.07"],
    ]);
    expect(res.body.fxRatesUsed).toEqual([
      { date: "2025-11-01", base: "KRW", quote: "CNY", rate: "0.005333333333333333", via: "CROSS_USD", receipts: 1 },
      { date: "2025-11-01", base: "USD", quote: "CNY", rate: "7.2", via: "DIRECT", receipts: 2 },
    ]);
  });

  it("shows each organisation only its own receipts and payments", async () => {
    const kr = await api.get(studioKr.headers, RANGE);
    expect(kr.status, kr.text).toBe(200);
    // The Korean studio received the KRW payment as licensor and paid nothing: ratio null.
    expect(kr.body).toMatchObject({ organizationId: studioKr.orgId, receipts: usd("1000.00"), payments: usd("0.00"), ratio: null });
    expect(kr.body.byCountry.map((r: { key: string }) => r.key)).toEqual(["CN"]);
    expect(kr.body.byTitle.map((r: { key: string }) => r.key)).toEqual([hanbit]);

    const th = await api.get(partnerTh.headers, RANGE);
    expect(th.body).toMatchObject({ receipts: usd("0.00"), payments: usd("2500.01"), ratio: "0.0000" });

    // A domestic partner sees nothing: its only deal is with a studio of its own country.
    const cn = await api.get(partnerCn.headers, RANGE);
    expect(cn.body).toMatchObject({ receipts: usd("0.00"), payments: usd("0.00"), ratio: null, receiptCount: 0, paymentCount: 0 });
    expect(cn.body.byTitle).toEqual([]);
  });

  it("answers 422 naming the missing FX pair and date, never a 500", async () => {
    const res = await api.get(studioCn.headers, { ...RANGE, currency: "JPY" });
    const problem = expectProblem(res, 422);
    expect(problem.type).toBe("/problems/fx-rate-missing");
    expect(errorPaths(problem)).toContain("currency");
    expect(problem.detail).toContain("USD→JPY on or before 2025-12-20");
    expect(res.body.missingRates).toContainEqual({ base: "KRW", quote: "JPY", date: "2026-02-10" });
    expect(res.body.missingRates).toContainEqual({ base: "CNY", quote: "JPY", date: "2026-03-15" });
  });

  it.each([
    [{ from: "2026-13-01" }, "from"],
    [{ to: "yesterday" }, "to"],
    [{ from: "2026-03-01", to: "2026-02-01" }, "to"],
    [{ from: "1990-01-01", to: "2026-01-01" }, "from"],
    [{ currency: "usd" }, "currency"],
    [{ currency: "ZZZ" }, "currency"],
    [{ currency: "XAU" }, "currency"],
    [{ granularity: "week" }, "granularity"],
  ])("refuses %o with 422 on %s", async (query, path) => {
    const res = await api.get(studioCn.headers, query);
    expect(errorPaths(expectProblem(res, 422))).toContain(path);
  });

  it("needs a session or an API key", async () => {
    expectProblem(await api.get({}, RANGE), 401);
  });

  it("defaults to the twelve months to today in USD, monthly", async () => {
    const res = await api.get(studioCn.headers);
    expect(res.status, res.text).toBe(200);
    expect(res.body.currency).toBe("USD");
    expect(res.body.series).toHaveLength(12);
    expect(res.body.to).toBe(new Date().toISOString().slice(0, 10));
    // Empty parameters, as a URL template sends them, mean "not given".
    const blank = await api.get(studioCn.headers, { from: "", to: "", currency: "", granularity: "" });
    expect(blank.status, blank.text).toBe(200);
    expect(blank.body).toMatchObject({ from: res.body.from, to: res.body.to, currency: "USD", granularity: "month" });
  });
});

describe("GET /api/v1/outcomes/export", () => {
  it("exports a breakdown as CSV with exact amounts and the UI's labels", async () => {
    const res = await api.export(studioCn.headers, { ...RANGE, breakdown: "byTitle" });
    expect(res.status, res.text).toBe(200);
    expect(res.contentType).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toContain("outcomes-byTitle-2025-12-01-2026-03-31-USD.csv");
    const lines = res.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual([
      "key,label,currency,receipts,payments,ratio",
      `${jade},Jade Mountain,USD,1250.01,0.00,`,
      `${crime},Dark River,USD,1250.00,0.00,`,
      `${hanbit},First Light,USD,0.00,1000.00,0.0000`,
    ]);
  });

  it("exports the series and refuses an unknown table", async () => {
    const series = await api.export(studioCn.headers, { ...RANGE, breakdown: "series" });
    expect(series.text).toContain("2026-02,2026-02-01,2026-02-28,USD,0.00,1000.00,0.0000");
    expect(errorPaths(expectProblem(await api.export(studioCn.headers, { ...RANGE, breakdown: "byPlanet" }), 422))).toEqual(["breakdown"]);
  });
});

describe("GET /api/v1/outcomes/platform", () => {
  async function platformHeaders() {
    const operator = await registerViaApi({ organization: { name: "Ops personal", kind: "PARTNER", homeCountry: "SG" } });
    const platform = await db.organization.create({
      data: { name: "Ops", kind: "PLATFORM", homeCountry: "SG", memberships: { create: { userId: operator.userId, role: "ADMIN" } } },
    });
    return sessionHeaders(operator.userId, platform.id);
  }

  it("groups every studio's receipts and payments by home country, with export shares", async () => {
    const res = await api.platform(await platformHeaders(), RANGE);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ receipts: usd("3500.01"), payments: usd("1000.00"), ratio: "3.5000" });
    // CN: all receipts = 2500.01 + the domestic CNY 7000.00 at 1/7.2 (972.22) = 3472.23; 2500.01 / 3472.23 = 72.00 %.
    expect(res.body.byHomeCountry).toEqual([
      {
        country: "CN",
        label: "China",
        studios: 1,
        receipts: usd("2500.01"),
        payments: usd("1000.00"),
        ratio: "2.5000",
        allReceipts: usd("3472.23"),
        exportSharePct: "72.00",
      },
      {
        country: "KR",
        label: "South Korea",
        studios: 1,
        receipts: usd("1000.00"),
        payments: usd("0.00"),
        ratio: null,
        allReceipts: usd("1000.00"),
        exportSharePct: "100.00",
      },
    ]);
    expect(res.body.studios.map((s: { name: string; exportSharePct: string }) => [s.name, s.exportSharePct])).toEqual([
      ["Jade Studio", "72.00"],
      ["Hanbit", "100.00"],
    ]);
    const csv = await api.platformExport(await platformHeaders(), { ...RANGE, table: "byHomeCountry" });
    expect(csv.text).toContain("CN,China,1,USD,2500.01,1000.00,2.5000,3472.23,72.00");
  });

  it("is for platform organisations only", async () => {
    expectProblem(await api.platform(studioCn.headers, RANGE), 403);
    expectProblem(await api.platformExport(partnerTh.headers, { ...RANGE, table: "studios" }), 403);
  });
});

describe("market tests in the outcomes (issue 17 point 19)", () => {
  async function marketTest(titleId: string, territory: string, date: string, audienceSize: number, score: number) {
    const version =
      (await db.version.findFirst({ where: { titleId, kind: "ORIGINAL" } })) ??
      (await db.version.create({
        data: {
          titleId,
          kind: "ORIGINAL",
          name: "Original",
          territories: [],
          audioLanguages: [],
          subtitleLanguages: [],
          status: "DELIVERED",
        },
      }));
    await db.marketTest.create({
      data: { versionId: version.id, territory, date: toDbDate(date), audienceSize, score, method: "Screening" },
    });
  }

  beforeEach(async () => {
    // Jade in Thailand before R2 (2026-01-15) and after; Dark River there after its last receipt.
    await marketTest(jade, "TH", "2026-01-10", 400, 80);
    await marketTest(jade, "TH", "2026-02-01", 600, 71);
    await marketTest(crime, "TH", "2026-03-20", 100, 55);
    await marketTest(jade, "VN", "2026-01-05", 50, 90);
    // Outside the range: not counted.
    await marketTest(jade, "TH", "2025-11-01", 9999, 1);
    // The Korean studio's title, tested in China: only the Korean studio sees it.
    await marketTest(hanbit, "CN", "2026-01-01", 250, 77);
  });

  it("lists tests per target territory next to the receipts that followed there", async () => {
    const res = await api.get(studioCn.headers, RANGE);
    expect(res.status, res.text).toBe(200);
    expect(res.body.marketTests).toEqual([
      {
        territory: "TH",
        label: "Thailand",
        tests: 3,
        audience: 1100,
        // (80 + 71 + 55) / 3 = 68.67 → 68.7.
        averageScore: "68.7",
        firstTestOn: "2026-01-10",
        lastTestOn: "2026-03-20",
        titles: [
          { id: jade, label: "Jade Mountain" },
          { id: crime, label: "Dark River" },
        ],
        // Every IP receipt from the Thai partner (the byCountry row)…
        receipts: usd("2500.01"),
        // …of which only Jade's 750.01 of R2 came on or after Jade's first Thai test; R1 came
        // before it and Dark River's receipts all before its test.
        receiptsAfterTests: usd("750.01"),
      },
      {
        territory: "VN",
        label: "Vietnam",
        tests: 1,
        audience: 50,
        averageScore: "90.0",
        firstTestOn: "2026-01-05",
        lastTestOn: "2026-01-05",
        titles: [{ id: jade, label: "Jade Mountain" }],
        receipts: usd("0.00"),
        receiptsAfterTests: usd("0.00"),
      },
    ]);
    // The existing fields are unchanged by the tests.
    expect(res.body).toMatchObject({ receipts: usd("2500.01"), payments: usd("1000.00"), ratio: "2.5000" });
  });

  it("shows each organisation only the tests of its own titles", async () => {
    const kr = await api.get(studioKr.headers, RANGE);
    expect(kr.status, kr.text).toBe(200);
    // Hanbit tested in China on 2026-01-01; the Chinese studio paid R4 on 2026-02-10, all on Hanbit.
    expect(kr.body.marketTests).toEqual([
      expect.objectContaining({
        territory: "CN",
        tests: 1,
        titles: [{ id: hanbit, label: "First Light" }],
        receipts: usd("1000.00"),
        receiptsAfterTests: usd("1000.00"),
      }),
    ]);
    const cn = await api.get(studioCn.headers, RANGE);
    expect(cn.body.marketTests.map((r: { territory: string }) => r.territory)).toEqual(["TH", "VN"]);
    // The licensee of Jade and Dark River does not see the studio's tests.
    const th = await api.get(partnerTh.headers, RANGE);
    expect(th.body.marketTests).toEqual([]);
  });

  it("exports the market tests table as CSV", async () => {
    const res = await api.export(studioCn.headers, { ...RANGE, breakdown: "marketTests" });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("outcomes-marketTests-2025-12-01-2026-03-31-USD.csv");
    const lines = res.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toEqual([
      "territory,label,tests,audience,averageScore,firstTestOn,lastTestOn,titles,currency,receipts,receiptsAfterTests",
      "TH,Thailand,3,1100,68.7,2026-01-10,2026-03-20,Jade Mountain; Dark River,USD,2500.01,750.01",
      "VN,Vietnam,1,50,90.0,2026-01-05,2026-01-05,Jade Mountain,USD,0.00,0.00",
    ]);
  });
});
