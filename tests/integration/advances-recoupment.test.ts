import { beforeEach, describe, expect, it } from "vitest";
import { POST as receiptRoute } from "@/app/api/v1/deals/[id]/receipts/route";
import { db } from "@/lib/db/client";
import { callRoute } from "../support/api";
import { resetDb } from "../support/db";
import { facilityApi as api, disbursedAdvance, expectProblem, facilityWorld, signedDeal, usd } from "./facility-fixtures";

beforeEach(() => resetDb());

const receipt = (
  headers: Record<string, string>,
  dealId: string,
  amount: { amount: string; currency: string },
  receivedOn: string,
  instalmentIndex = 0,
) =>
  callRoute(receiptRoute, `/api/v1/deals/${dealId}/receipts`, {
    headers,
    json: { kind: "MG_INSTALMENT", amount, receivedOn, instalmentIndex },
    params: { id: dealId },
  });

async function ledgerOwed(advanceId: string) {
  const rows = await db.ledgerEntry.findMany({ where: { advanceId } });
  let owed = 0n;
  for (const r of rows) {
    if (r.kind === "DISBURSEMENT" || r.kind === "FEE") owed += r.amountMinor;
    else owed -= r.amountMinor;
  }
  return owed;
}

describe("recoupment from receipts", () => {
  it("sweeps the receipt after the creators' pool, fee first, until owed reaches 0 and the advance is REPAID", async () => {
    const w = await facilityWorld();
    const dealId = await signedDeal({
      licensorId: w.studio.orgId,
      licenseeId: w.partner.orgId,
      currency: "USD",
      mgMinor: 10_000_000n,
      instalments: [5_000_000n, 5_000_000n],
      titleId: w.titleId,
      creatorParticipationPct: "10",
    });
    const id = await disbursedAdvance(w, "50000.00", dealId); // owed 51,000.00 (fee 1,000.00)

    const first = await receipt(w.studio.headers, dealId, usd("50000.00"), "2026-02-01", 0);
    expect(first.status, first.text).toBe(201);
    // pool 5,000.00; sweep = min(45,000.00 × 100%, 51,000.00).
    expect(first.body.split).toMatchObject({ creatorsTotal: usd("5000.00"), facility: usd("45000.00"), studio: usd("0.00") });
    let view = await api.advance(w.studio.headers, id);
    expect(view.body.status).toBe("DISBURSED");
    expect(view.body.balance).toEqual({ principal: usd("6000.00"), fee: usd("0.00"), owed: usd("6000.00") });
    const recoupment = view.body.ledger.find((e: { kind: string }) => e.kind === "RECOUPMENT");
    expect(recoupment).toMatchObject({
      amount: usd("45000.00"),
      feePart: usd("1000.00"),
      principalPart: usd("44000.00"),
      receiptId: first.body.id,
    });

    const second = await receipt(w.studio.headers, dealId, usd("50000.00"), "2026-03-01", 1);
    expect(second.body.split).toMatchObject({ creatorsTotal: usd("5000.00"), facility: usd("6000.00"), studio: usd("39000.00") });
    view = await api.advance(w.studio.headers, id);
    expect(view.body.status).toBe("REPAID");
    expect(view.body.balance.owed).toEqual(usd("0.00"));
    expect(await ledgerOwed(id)).toBe(0n);
    // The receipts' facility parts equal the recoupment ledger.
    const receipts = await db.receipt.findMany({ where: { dealId } });
    const recouped = await db.ledgerEntry.aggregate({ where: { advanceId: id, kind: "RECOUPMENT" }, _sum: { amountMinor: true } });
    expect(receipts.reduce((s, r) => s + r.facilityMinor, 0n)).toBe(recouped._sum.amountMinor);
  });

  it("pays the oldest advance first; a DEFAULTED advance keeps being recouped and becomes REPAID", async () => {
    const w = await facilityWorld({ feePct: "0" });
    const older = await disbursedAdvance(w, "30000.00");
    const newer = await disbursedAdvance(w, "20000.00");
    expect((await api.default(w.underwriter.headers, older, { reason: "Late" })).body.status).toBe("DEFAULTED");

    const r = await receipt(w.studio.headers, w.dealId, usd("40000.00"), "2026-02-01", 0);
    expect(r.body.split.facility).toEqual(usd("40000.00"));
    const a = await api.advance(w.studio.headers, older);
    const b = await api.advance(w.studio.headers, newer);
    expect(a.body).toMatchObject({ status: "REPAID", balance: { owed: usd("0.00") } });
    expect(b.body).toMatchObject({ status: "DISBURSED", balance: { owed: usd("10000.00") } });
  });

  it("with no advance owing, the facility's part is 0 and nothing is written to the ledger", async () => {
    const w = await facilityWorld();
    const r = await receipt(w.studio.headers, w.dealId, usd("1000.00"), "2026-02-01", 0);
    expect(r.body.split.facility).toEqual(usd("0.00"));
    expect(await db.ledgerEntry.count()).toBe(0);
  });

  it("a receipt in another currency is swept at the rate of its date and clears the advance exactly, with no rounding residue", async () => {
    const w = await facilityWorld({ maxPerDealMinor: 100_000_000n, maxPerLicenseePct: "100" });
    const cnyDeal = await signedDeal({
      licensorId: w.studio.orgId,
      licenseeId: w.partner.orgId,
      currency: "CNY",
      mgMinor: 100_000_000n,
      instalments: [5_000_000n, 5_000_000n, 90_000_000n],
      titleId: w.titleId,
    });
    await db.fxRate.create({ data: { date: new Date("2026-01-01T00:00:00Z"), base: "USD", quote: "CNY", rate: "7.1" } });
    const id = await disbursedAdvance(w, "10000.00", cnyDeal); // owed 10,200.00 USD

    const first = await receipt(w.studio.headers, cnyDeal, { amount: "50000.00", currency: "CNY" }, "2026-02-01", 0);
    expect(first.status, first.text).toBe(201);
    expect(first.body.split.facility).toEqual({ amount: "50000.00", currency: "CNY" });
    let view = await api.advance(w.studio.headers, id);
    const entry = view.body.ledger.find((e: { kind: string }) => e.kind === "RECOUPMENT");
    // 50,000.00 CNY at 1/7.1 → 7,042.25 USD (fee 200.00 first).
    expect(entry).toMatchObject({ amount: usd("7042.25"), feePart: usd("200.00"), source: { amount: "50000.00", currency: "CNY" } });
    expect(view.body.balance.owed).toEqual(usd("3157.75"));

    const second = await receipt(w.studio.headers, cnyDeal, { amount: "50000.00", currency: "CNY" }, "2026-03-01", 1);
    view = await api.advance(w.studio.headers, id);
    expect(view.body.status).toBe("REPAID");
    expect(view.body.balance).toEqual({ principal: usd("0.00"), fee: usd("0.00"), owed: usd("0.00") });
    // What is left, 3,157.75 USD, is 315,775 cents ÷ 0.140845070422535211 (the rate 1/7.1 to 18
    // places) = 2,242,002.500000000004… fen → 22,420.03 CNY taken; the studio keeps the rest, to the fen.
    expect(second.body.split.facility).toEqual({ amount: "22420.03", currency: "CNY" });
    expect(second.body.split.studio).toEqual({ amount: "27579.97", currency: "CNY" });
    // The last recoupment books exactly what was owed in USD: no residue left on the advance.
    const recoupments = view.body.ledger.filter((e: { kind: string }) => e.kind === "RECOUPMENT");
    expect(recoupments).toHaveLength(2);
    expect(recoupments).toContainEqual(
      expect.objectContaining({
        amount: usd("3157.75"),
        feePart: usd("0.00"),
        principalPart: usd("3157.75"),
        source: { amount: "22420.03", currency: "CNY" },
      }),
    );
  });

  it("refuses a receipt (422, nothing written) when the advance currency has no rate on the receipt date", async () => {
    const w = await facilityWorld({ maxPerDealMinor: 100_000_000n, maxPerLicenseePct: "100" });
    const krwDeal = await signedDeal({
      licensorId: w.studio.orgId,
      licenseeId: w.partner.orgId,
      currency: "KRW",
      mgMinor: 100_000_000n,
      titleId: w.titleId,
    });
    await db.fxRate.create({ data: { date: new Date("2026-03-01T00:00:00Z"), base: "USD", quote: "KRW", rate: "1400" } });
    const id = await disbursedAdvance(w, "1000.00", krwDeal);
    const refused = await receipt(w.studio.headers, krwDeal, { amount: "1000000", currency: "KRW" }, "2026-02-01", 0);
    expect(expectProblem(refused, 422).type).toBe("/problems/fx-rate-missing");
    expect(await db.receipt.count()).toBe(0);
    expect(await db.ledgerEntry.count({ where: { advanceId: id, kind: "RECOUPMENT" } })).toBe(0);
    // On a date with a rate it goes through: 1,000,000 KRW / 1400 = 714.29 USD.
    const ok = await receipt(w.studio.headers, krwDeal, { amount: "1000000", currency: "KRW" }, "2026-03-02", 0);
    expect(ok.status, ok.text).toBe(201);
    const view = await api.advance(w.studio.headers, id);
    expect(view.body.ledger.find((e: { kind: string }) => e.kind === "RECOUPMENT").amount).toEqual(usd("714.29"));
  });
});

describe("zero-decimal currencies", () => {
  it("a JPY facility: fee rounds half-even to whole yen, recoupment is fee first, owed reaches exactly 0", async () => {
    const w = await facilityWorld({ currency: "JPY", capacityMinor: 100_000_000n, maxPerDealMinor: 10_000_000n, feePct: "2.5" });
    const jpyDeal = await signedDeal({
      licensorId: w.studio.orgId,
      licenseeId: w.partner.orgId,
      currency: "JPY",
      mgMinor: 10_000_000n,
      instalments: [1_000_000n, 9_000_000n],
      titleId: w.titleId,
    });
    const yen = (amount: string) => ({ amount, currency: "JPY" });
    const created = await api.apply(w.studio.headers, { dealId: jpyDeal, amount: yen("12340"), purpose: "x", submit: true });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    expect((await api.decide(w.underwriter.headers, id, { decision: "APPROVED" })).status).toBe(200);
    const paid = await api.disburse(w.officer.headers, id, "jpy-1");
    // 12,340 × 2.5% = 308.5 → 308 (half-even).
    expect(paid.body).toMatchObject({ principal: yen("12340"), fee: yen("308") });
    await receipt(w.studio.headers, jpyDeal, yen("1000"), "2026-02-01", 0);
    let view = await api.advance(w.studio.headers, id);
    expect(view.body.balance).toEqual({ principal: yen("11648"), fee: yen("0"), owed: yen("11648") });
    const last = await receipt(w.studio.headers, jpyDeal, yen("20000"), "2026-02-02", 0);
    expect(last.body.split).toMatchObject({ facility: yen("11648"), studio: yen("8352") });
    view = await api.advance(w.studio.headers, id);
    expect(view.body).toMatchObject({ status: "REPAID", balance: { owed: yen("0") } });
  });
});

describe("portfolio", () => {
  it("aggregates principal outstanding and owed by studio, licensee, country, genre and deal, with status counts and CSV", async () => {
    const w = await facilityWorld();
    const a = await disbursedAdvance(w, "100000.00"); // owed 102,000.00
    await disbursedAdvance(w, "50000.00"); // owed 51,000.00
    await api.apply(w.studio.headers, { dealId: w.dealId, amount: usd("1000.00"), purpose: "draft" });
    await receipt(w.studio.headers, w.dealId, usd("2000.00"), "2026-02-01", 0); // recoups 2,000.00 of the oldest (fee)
    await api.default(w.underwriter.headers, a, { reason: "Late" });

    const res = await api.portfolio(w.underwriter.headers);
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p).toMatchObject({
      capacity: usd("1000000.00"),
      principalOutstanding: usd("150000.00"),
      owed: usd("151000.00"),
      recoupedToDate: usd("2000.00"),
      disbursedToDate: usd("150000.00"),
      utilisationPct: "15.00",
    });
    // The studio's draft is not the facility's business until submitted.
    expect(p.statusCounts).toMatchObject({ DRAFT: 0, DISBURSED: 1, DEFAULTED: 1, REPAID: 0 });
    expect(p.byStudio).toEqual([
      expect.objectContaining({ key: w.studio.orgId, label: "Jade Test Pictures", owed: usd("151000.00"), advances: 2 }),
    ]);
    expect(p.byLicenseeCountry).toEqual([expect.objectContaining({ key: "TH", principalOutstanding: usd("150000.00") })]);
    expect(p.byGenre).toEqual([expect.objectContaining({ key: "DRAMA", owed: usd("151000.00") })]);
    expect(p.byDeal).toHaveLength(1);
    expect(p.advances).toHaveLength(2);
    expect(p.advances.every((x: { daysSinceDisbursement: number }) => x.daysSinceDisbursement === 0)).toBe(true);

    const csv = await api.portfolio(w.underwriter.headers, { format: "csv" });
    expect(csv.contentType).toMatch(/^text\/csv/);
    expect(csv.text).toContain(
      "section,key,name,country,status,advances,currency,principal_outstanding,owed,recouped,days_since_disbursement",
    );
    expect(csv.text).toContain("licensee_country,TH,TH,TH,,2,USD,150000.00,151000.00,2000.00,");
  });
});
