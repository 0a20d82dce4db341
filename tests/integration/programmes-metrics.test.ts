import Decimal from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { resetDb } from "../support/db";
import {
  programmesApi as api,
  createProgramme,
  fxRate,
  marketTestViaApi,
  type ProgrammeWorld,
  programmeWorld,
  receiptViaApi,
  signedDealViaApi,
  titleWithOriginal,
  today,
  versionViaApi,
  withdrawVersion,
} from "./programmes-fixtures";
import { statementsApi } from "./statements-fixtures";

/**
 * The metrics against a calculation written out here, independently of lib/programmes and
 * lib/outcomes: receipts in USD, EUR (cross through USD) and BRL (inverse rate) converted to CNY
 * per receipt, half-even to the fen; receipts on both edges of the window and just outside it;
 * versions and tests in and out of the target territories; then a statement superseded and a
 * version withdrawn after submission.
 */

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });

/** `date` minus `months`, the day clamped to the month's length (written out again here). */
function monthsBack(date: string, months: number): string {
  let [y, m, d] = date.split("-").map(Number) as [number, number, number];
  m -= months;
  while (m < 1) {
    m += 12;
    y -= 1;
  }
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${y}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
const shift = (date: string, days: number) => {
  const x = new Date(`${date}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + days);
  return x.toISOString().slice(0, 10);
};
const fen = (v: Decimal) => v.toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);

let w: ProgrammeWorld;
let programmeId: string;
const T = today();
const F = monthsBack(T, 6);
const ids: Record<string, string> = {};
let statementId: string;
let dealTh: string;
let mainTitleId: string;

// Rates: USD→CNY 7.1234 from F−40, 7.2 from T−60; EUR→USD 1.085; CNY→BRL 0.78 (so BRL→CNY is its inverse).
const usdCny = (on: string) => (on >= shift(T, -60) ? "7.2" : "7.1234");
const eurCny = new D("1.085").mul("7.1234"); // cross through USD on T−100 (the older USD→CNY rate)
const brlCny = new D(1).div("0.78").toDecimalPlaces(18, Decimal.ROUND_HALF_EVEN);

const receipts = {
  thBefore: { amount: "1000.00", on: shift(F, -1) },
  thFirstDay: { amount: "1234.57", on: F },
  thMiddle: { amount: "333.33", on: shift(T, -30) },
  thLastDay: { amount: "10.01", on: T },
  ae: { amount: "500.00", on: shift(T, -100) },
  br: { amount: "777.77", on: shift(T, -50) },
  jp: { amount: "999.99", on: shift(T, -70) },
  payment: { amount: "400.00", on: shift(T, -20) },
};

beforeAll(async () => {
  await resetDb();
  w = await programmeWorld();
  await fxRate(shift(F, -40), "USD", "CNY", "7.1234");
  await fxRate(shift(T, -60), "USD", "CNY", "7.2");
  await fxRate(shift(F, -40), "EUR", "USD", "1.085");
  await fxRate(shift(F, -40), "CNY", "BRL", "0.78");
  programmeId = await createProgramme(w, {
    lookbackMonths: 6,
    criteria: [
      { metric: "FOREIGN_RECEIPTS", min: "100.00" },
      { metric: "RECEIPTS_PAYMENTS_RATIO", min: "1.5" },
      { metric: "INTERNATIONAL_VERSIONS", min: "2" },
      { metric: "MARKET_TESTS", min: "1" },
      { metric: "LICENSED_COUNTRIES", min: "3" },
    ],
    award: {
      receiptsMatchPct: "12.5",
      perVersionBonus: { amount: "5000.00", currency: "CNY" },
      perMarketTestBonus: { amount: "1000.00", currency: "CNY" },
      capPerApplication: { amount: "200000.00", currency: "CNY" },
    },
  });

  const { titleId, originalId } = await titleWithOriginal(w.studio, "玉山");
  mainTitleId = titleId;
  dealTh = await signedDealViaApi(w.studio, w.partnerTh, "USD", titleId, ["TH"]);
  const dealAe = await signedDealViaApi(w.studio, w.partnerAe, "EUR", titleId, ["AE", "SA"]);
  const dealBr = await signedDealViaApi(w.studio, w.partnerBr, "BRL", titleId, ["BR", "MX"]);
  const dealJp = await signedDealViaApi(w.studio, w.partnerJp, "USD", titleId, ["JP"]);
  for (const key of ["thBefore", "thFirstDay", "thMiddle", "thLastDay"] as const) {
    ids[key] = await receiptViaApi(w.studio, dealTh, { amount: receipts[key].amount, currency: "USD" }, receipts[key].on);
  }
  ids.ae = await receiptViaApi(w.studio, dealAe, { amount: receipts.ae.amount, currency: "EUR" }, receipts.ae.on);
  ids.br = await receiptViaApi(w.studio, dealBr, { amount: receipts.br.amount, currency: "BRL" }, receipts.br.on);
  ids.jp = await receiptViaApi(w.studio, dealJp, { amount: receipts.jp.amount, currency: "USD" }, receipts.jp.on);
  // The studio as licensee: a Korean studio licenses a title in and receives 400.00 USD (an IP payment).
  const other = await titleWithOriginal(w.otherStudio, "한빛");
  const dealIn = await signedDealViaApi(w.otherStudio, w.studio, "USD", other.titleId, ["CN"]);
  await receiptViaApi(w.otherStudio, dealIn, { amount: receipts.payment.amount, currency: "USD" }, receipts.payment.on);

  ids.vTh = await versionViaApi(w.studio, titleId, originalId, ["TH"]);
  await versionViaApi(w.studio, titleId, originalId, ["JP"]);
  ids.vPlanned = await versionViaApi(w.studio, titleId, originalId, ["SEA"], "PLANNED");
  ids.vMena = await versionViaApi(w.studio, titleId, originalId, ["MENA"]);
  ids.vLatam = await versionViaApi(w.studio, titleId, originalId, ["419"]);
  ids.tFirstDay = await marketTestViaApi(w.studio, ids.vTh, "TH", F);
  await marketTestViaApi(w.studio, ids.vTh, "TH", shift(F, -1));
  await marketTestViaApi(w.studio, ids.vTh, "JP", shift(T, -10));
  ids.tLastDay = await marketTestViaApi(w.studio, ids.vPlanned, "BR", T);

  const s = await statementsApi.submit(w.partnerTh.headers, dealTh, {
    periodStart: shift(T, -90),
    periodEnd: shift(T, -61),
    lines: [{ titleId, territory: "TH", mediaRight: "SVOD", revenueType: "STREAMING", gross: { amount: "5000.00", currency: "USD" } }],
  });
  expect(s.status, s.text).toBe(201);
  statementId = s.body.id;
}, 120_000);

function expected() {
  const th = (["thFirstDay", "thMiddle", "thLastDay"] as const).map((k) => fen(new D(receipts[k].amount).mul(usdCny(receipts[k].on))));
  const ae = fen(new D(receipts.ae.amount).mul(eurCny));
  const br = fen(new D(receipts.br.amount).mul(brlCny));
  const jp = fen(new D(receipts.jp.amount).mul(usdCny(receipts.jp.on)));
  const foreign = [...th, ae, br].reduce((a, b) => a.add(b), new D(0));
  const allReceipts = foreign.add(jp);
  const payments = fen(new D(receipts.payment.amount).mul(usdCny(receipts.payment.on)));
  const ratio = allReceipts.div(payments).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed(4);
  const matched = foreign.mul(100).mul("12.5").div(100).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).div(100);
  const total = matched.add(3 * 5000).add(2 * 1000);
  return { foreign: foreign.toFixed(2), ratio, th, ae, br, matched: matched.toFixed(2), total: total.toFixed(2) };
}

describe("programme metrics equal an independent calculation", () => {
  it("measures receipts, the ratio, versions, tests and countries over the window, with the evidence", async () => {
    const e = expected();
    const res = await api.eligibility(w.studio.headers, programmeId);
    expect(res.status, res.text).toBe(200);
    expect(res.body.asOf).toBe(T);
    expect(res.body.window).toEqual({ from: F, to: T });
    expect(res.body.metrics).toEqual({
      FOREIGN_RECEIPTS: e.foreign,
      RECEIPTS_PAYMENTS_RATIO: e.ratio,
      INTERNATIONAL_VERSIONS: "3",
      MARKET_TESTS: "2",
      LICENSED_COUNTRIES: "5",
    });
    expect(res.body.criteria.every((c: { met: boolean }) => c.met)).toBe(true);
    expect(res.body.eligible).toBe(true);
    // Both window edges in, the day before and the Japanese (non-target) receipt out.
    expect(res.body.evidence.receipts.map((r: { receiptId: string }) => r.receiptId).sort()).toEqual(
      [ids.thFirstDay, ids.thMiddle, ids.thLastDay, ids.ae, ids.br].sort(),
    );
    const byId = new Map(
      res.body.evidence.receipts.map((r: { receiptId: string; converted: { amount: string } }) => [r.receiptId, r.converted.amount]),
    );
    expect(byId.get(ids.thFirstDay)).toBe(e.th[0]!.toFixed(2));
    expect(byId.get(ids.ae)).toBe(e.ae.toFixed(2));
    expect(byId.get(ids.br)).toBe(e.br.toFixed(2));
    expect(res.body.evidence.versions.map((v: { versionId: string }) => v.versionId).sort()).toEqual(
      [ids.vTh, ids.vMena, ids.vLatam].sort(),
    );
    expect(res.body.evidence.marketTests.map((t: { id: string }) => t.id).sort()).toEqual([ids.tFirstDay, ids.tLastDay].sort());
    expect(res.body.evidence.countries).toEqual(["AE", "BR", "MX", "SA", "TH"]);
    expect(res.body.award).toEqual({
      matched: { amount: e.matched, currency: "CNY" },
      versionBonus: { amount: "15000.00", currency: "CNY" },
      marketTestBonus: { amount: "2000.00", currency: "CNY" },
      total: { amount: e.total, currency: "CNY" },
      capped: false,
      amount: { amount: e.total, currency: "CNY" },
    });
  });

  it("a day earlier, the last-day receipt and test fall out of the window", async () => {
    const res = await api.eligibility(w.studio.headers, programmeId, { asOf: shift(T, -1) });
    expect(res.status, res.text).toBe(200);
    const ids2 = res.body.evidence.receipts.map((r: { receiptId: string }) => r.receiptId);
    expect(ids2).not.toContain(ids.thLastDay);
    expect(res.body.evidence.marketTests.map((t: { id: string }) => t.id)).not.toContain(ids.tLastDay);
  });

  it("after submission, a superseded statement and a withdrawn version flag the application; the snapshot keeps its values", async () => {
    const e = expected();
    const applied = await api.apply(w.studio.headers, programmeId);
    expect(applied.status, applied.text).toBe(201);
    const appId = applied.body.id;
    expect(applied.body.evidenceChanged).toBe(false);
    expect(applied.body.changes).toEqual([]);
    expect(applied.body.snapshot.evidence.statements.map((s: { statementId: string }) => s.statementId)).toEqual([statementId]);
    expect(applied.body.snapshotHash).toMatch(/^[0-9a-f]{64}$/);

    const correction = await statementsApi.submit(w.partnerTh.headers, dealTh, {
      periodStart: shift(T, -90),
      periodEnd: shift(T, -61),
      supersedesId: statementId,
      lines: [
        {
          titleId: mainTitleId,
          territory: "TH",
          mediaRight: "SVOD",
          revenueType: "STREAMING",
          gross: { amount: "4500.00", currency: "USD" },
        },
      ],
    });
    expect(correction.status, correction.text).toBe(201);
    const list = await api.applications(w.owner.headers, programmeId);
    expect(list.body.items.map((a: { id: string; evidenceChanged: boolean }) => [a.id, a.evidenceChanged])).toEqual([[appId, true]]);

    expect((await withdrawVersion(w.studio, ids.vMena!)).status).toBe(200);
    const page = await api.application(w.owner.headers, programmeId, appId);
    expect(page.status, page.text).toBe(200);
    expect(page.body.evidenceChanged).toBe(true);
    expect(page.body.changes).toEqual(
      expect.arrayContaining([
        { kind: "STATEMENT", id: statementId, change: "REMOVED" },
        { kind: "STATEMENT", id: correction.body.id, change: "ADDED" },
        { kind: "VERSION", id: ids.vMena, change: "REMOVED" },
        { kind: "METRIC", id: "INTERNATIONAL_VERSIONS", change: "CHANGED" },
      ]),
    );
    // The snapshot is what was submitted; the receipts metric is unchanged by the correction.
    expect(page.body.metrics.FOREIGN_RECEIPTS).toBe(e.foreign);
    expect(page.body.metrics.INTERNATIONAL_VERSIONS).toBe("3");
    const live = await api.eligibility(w.studio.headers, programmeId);
    expect(live.body.metrics).toMatchObject({ FOREIGN_RECEIPTS: e.foreign, INTERNATIONAL_VERSIONS: "2" });
  });
});
