import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { errorPaths, expectProblem } from "../support/api";
import { resetDb } from "../support/db";
import {
  programmesApi as api,
  applied,
  awarded,
  cny,
  createProgramme,
  type ProgrammeWorld,
  programmeBody,
  programmeWorld,
  titleWithOriginal,
  versionViaApi,
} from "./programmes-fixtures";

let w: ProgrammeWorld;

beforeEach(async () => {
  await resetDb();
  w = await programmeWorld();
});

/** Gives `studio` delivered versions for SEA (5,000.00 CNY of bonus each at the default terms). */
async function versions(studio: ProgrammeWorld["studio"], n: number) {
  const { titleId, originalId } = await titleWithOriginal(studio, `Film of ${studio.orgId.slice(0, 6)}`);
  for (let i = 0; i < n; i++) await versionViaApi(studio, titleId, originalId, ["TH"]);
}

describe("defining programmes", () => {
  it("creates a programme with the issue's fields, expanded target countries, and lists it", async () => {
    const res = await api.create(w.owner.headers, programmeBody({ criteria: [{ metric: "MARKET_TESTS", min: "1" }] }));
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      name: { en: "Silk Road Screen Export Fund 2027", zh: "丝路影视出口基金 2027" },
      currency: "CNY",
      budget: cny("1000000.00"),
      lookbackMonths: 12,
      targetTerritories: ["SEA", "MENA", "LATAM"],
      criteria: [{ metric: "MARKET_TESTS", min: "1" }],
      award: { receiptsMatchPct: "10", perVersionBonus: cny("5000.00"), capPerApplication: cny("200000.00") },
      open: true,
      version: 1,
    });
    expect(res.body.targetCountries).toEqual(expect.arrayContaining(["TH", "VN", "AE", "SA", "BR", "MX"]));
    expect(res.body.targetCountries).not.toContain("CN");
    const list = await api.list(w.owner.headers);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([res.body.id]);
    expect(await db.auditEntry.count({ where: { action: "programme.create", entityId: res.body.id } })).toBe(1);
  });

  it("refuses bad input field by field, never a half write", async () => {
    const bad = await api.create(
      w.owner.headers,
      programmeBody({
        lookbackMonths: 37,
        closesOn: "2000-01-01",
        budget: { amount: "10.001", currency: "CNY" },
        criteria: [{ metric: "NOPE", min: "1" }],
        award: {
          receiptsMatchPct: "101",
          perVersionBonus: cny("1.00"),
          perMarketTestBonus: { amount: "1.00", currency: "USD" },
          capPerApplication: cny("1"),
        },
      }),
    );
    const p = expectProblem(bad, 422);
    expect(errorPaths(p)).toEqual(expect.arrayContaining(["lookbackMonths", "criteria.0.metric", "award.receiptsMatchPct"]));
    const unknown = expectProblem(await api.create(w.owner.headers, programmeBody({ targetTerritories: ["SEA", "ATLANTIS"] })), 422);
    expect(errorPaths(unknown)).toEqual(["targetTerritories"]);
    const mixed = expectProblem(await api.create(w.owner.headers, programmeBody({ budget: { amount: "10.001", currency: "CNY" } })), 422);
    expect(errorPaths(mixed)).toEqual(["budget.amount"]);
    expect(await db.programme.count()).toBe(0);
  });

  it("members cannot define programmes (403); studios and partners have no programmes to create (404)", async () => {
    expectProblem(await api.create(w.reviewer.headers, programmeBody()), 403);
    expectProblem(await api.create(w.studio.headers, programmeBody()), 404);
    expectProblem(await api.create(w.partnerTh.headers, programmeBody()), 404);
  });

  it("PATCH needs the current version and works only while nobody has applied", async () => {
    const id = await createProgramme(w);
    const stale = expectProblem(await api.patch(w.owner.headers, id, { version: 7, lookbackMonths: 6 }), 409);
    expect(stale.type).toBe("/problems/stale-version");
    const changed = await api.patch(w.owner.headers, id, { version: 1, lookbackMonths: 6, name: { en: "Renamed", zh: "改名" } });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ lookbackMonths: 6, name: { en: "Renamed", zh: "改名" }, version: 2, currency: "CNY" });
    // The merged programme must still hold together: a currency change without the amounts is refused.
    const merged = expectProblem(await api.patch(w.owner.headers, id, { version: 2, currency: "USD" }), 422);
    expect(errorPaths(merged)).toContain("budget.currency");
    await applied(w, id);
    const locked = expectProblem(await api.patch(w.owner.headers, id, { version: 2, lookbackMonths: 3 }), 409);
    expect(locked.type).toBe("/problems/has-applications");
  });
});

describe("applying", () => {
  it("an ineligible studio gets 422 listing every failed criterion with value and minimum", async () => {
    const id = await createProgramme(w, {
      criteria: [
        { metric: "FOREIGN_RECEIPTS", min: "1000.00" },
        { metric: "INTERNATIONAL_VERSIONS", min: "1" },
        { metric: "RECEIPTS_PAYMENTS_RATIO", min: "1" },
      ],
    });
    await versions(w.studio, 1);
    const res = expectProblem<{ failed: unknown[] }>(await api.apply(w.studio.headers, id), 422);
    expect(res.type).toBe("/problems/not-eligible");
    expect(res.failed).toEqual([
      { metric: "FOREIGN_RECEIPTS", min: "1000.00", value: "0.00" },
      { metric: "RECEIPTS_PAYMENTS_RATIO", min: "1", value: null },
    ]);
    expect(errorPaths(res)).toEqual(["criteria.FOREIGN_RECEIPTS", "criteria.RECEIPTS_PAYMENTS_RATIO"]);
    expect(await db.programmeApplication.count()).toBe(0);
  });

  it("one application per studio and programme: the second is 409", async () => {
    const id = await createProgramme(w);
    const first = await applied(w, id);
    const second = expectProblem<{ applicationId: string }>(await api.apply(w.studio.headers, id), 409);
    expect(second.type).toBe("/problems/already-applied");
    expect(second.applicationId).toBe(first);
    const [a, b] = await Promise.all([api.apply(w.otherStudio.headers, id), api.apply(w.otherStudio.headers, id)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect(await db.programmeApplication.count()).toBe(2);
  });

  it("a closed programme takes no applications and is not listed to studios", async () => {
    const id = await createProgramme(w, { opensOn: "2020-01-01", closesOn: "2020-12-31" });
    expect((await api.list(w.studio.headers)).body.items).toEqual([]);
    expectProblem(await api.apply(w.studio.headers, id), 404);
  });
});

describe("review, decision, payouts", () => {
  it("four-eyes: the reviewer cannot decide; another member awards at most the snapshot's amount", async () => {
    const id = await createProgramme(w);
    await versions(w.studio, 2);
    const appId = await applied(w, id);
    const app = await api.application(w.owner.headers, id, appId);
    expect(app.body.requested).toEqual(cny("10000.00"));
    expectProblem(await api.decide(w.owner.headers, id, appId, { decision: "AWARD", note: "x" }), 409);
    expect((await api.review(w.reviewer.headers, id, appId)).status).toBe(200);
    const self = expectProblem(await api.decide(w.reviewer.headers, id, appId, { decision: "AWARD", note: "Mine." }), 403);
    expect(self.type).toBe("/problems/four-eyes");
    const above = expectProblem(
      await api.decide(w.owner.headers, id, appId, { decision: "AWARD", amount: cny("10000.01"), note: "Too much." }),
      422,
    );
    expect(errorPaths(above)).toEqual(["amount.amount"]);
    const done = await api.decide(w.owner.headers, id, appId, { decision: "AWARD", amount: cny("8000.00"), note: "Good." });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: "AWARDED", awarded: cny("8000.00"), payable: cny("8000.00"), paid: cny("0.00") });
  });

  it("a decline needs a note and ends the application", async () => {
    const id = await createProgramme(w);
    const appId = await applied(w, id);
    await api.review(w.reviewer.headers, id, appId);
    expectProblem(await api.decide(w.owner.headers, id, appId, { decision: "DECLINE" }), 422);
    const res = await api.decide(w.owner.headers, id, appId, { decision: "DECLINE", note: "Outside scope." });
    expect(res.body).toMatchObject({ status: "DECLINED", awarded: null, decisionNote: "Outside scope." });
    expectProblem(await api.payout(w.owner.headers, id, appId, "k1", { amount: cny("1.00") }), 409);
  });

  it("payouts: Idempotency-Key required, retries answer the same payout, never more than awarded; PAID when full; clawbacks", async () => {
    const id = await createProgramme(w);
    await versions(w.studio, 2);
    const appId = await awarded(w, id, "10000.00");
    expectProblem(await api.payout(w.owner.headers, id, appId, null, { amount: cny("100.00") }), 400);
    const first = await api.payout(w.owner.headers, id, appId, "pay-1", { amount: cny("6000.00") });
    expect(first.status, first.text).toBe(201);
    const retry = await api.payout(w.owner.headers, id, appId, "pay-1", { amount: cny("6000.00") });
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body.id).toBe(first.body.id);
    expect(expectProblem(await api.payout(w.owner.headers, id, appId, "pay-1", { amount: cny("1.00") }), 422).type).toBe(
      "/problems/idempotency-key-reused",
    );
    const over = expectProblem<{ payable: unknown }>(
      await api.payout(w.owner.headers, id, appId, "pay-2", { amount: cny("4000.01") }),
      422,
    );
    expect(over.type).toBe("/problems/payout-exceeds-award");
    expect(over.payable).toEqual(cny("4000.00"));
    expect((await api.payout(w.owner.headers, id, appId, "pay-3", { amount: cny("4000.00") })).status).toBe(201);
    const paid = await api.application(w.studio.headers, id, appId);
    expect(paid.body).toMatchObject({ status: "PAID", paid: cny("10000.00"), payable: cny("0.00") });
    expect(paid.body.ledger.map((e: { kind: string; amount: unknown }) => [e.kind, e.amount])).toEqual([
      ["PAYOUT", cny("6000.00")],
      ["PAYOUT", cny("4000.00")],
    ]);
    expectProblem(await api.clawback(w.owner.headers, id, appId, { amount: cny("10000.01"), reason: "Overstated receipts." }), 422);
    expect((await api.clawback(w.owner.headers, id, appId, { amount: cny("2500.00"), reason: "Overstated receipts." })).status).toBe(201);
    const dash = await api.dashboard(w.owner.headers, id);
    expect(dash.status, dash.text).toBe(200);
    expect(dash.body).toMatchObject({
      budget: cny("1000000.00"),
      committed: cny("7500.00"),
      paid: cny("7500.00"),
      available: cny("992500.00"),
      byStatus: { SUBMITTED: 0, IN_REVIEW: 0, AWARDED: 0, DECLINED: 0, PAID: 1 },
    });
    expect(dash.body.awarded).toHaveLength(1);
    expect(dash.body.awarded[0].series.map((s: { phase: string }) => s.phase)).toEqual(["BEFORE", "BEFORE", "BEFORE", "BEFORE", "AWARD"]);
    // The ledger is append-only.
    await expect(db.programmeLedgerEntry.deleteMany({})).rejects.toThrow();
  });

  it("the CSV lists every application with its metrics (programme staff only)", async () => {
    const id = await createProgramme(w);
    await versions(w.studio, 1);
    await applied(w, id);
    await applied(w, id, w.otherStudio);
    const csv = await api.export(w.owner.headers, id);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toContain("text/csv");
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "applicationId,studio,studioCountry,status,asOf,currency,FOREIGN_RECEIPTS,RECEIPTS_PAYMENTS_RATIO,INTERNATIONAL_VERSIONS,MARKET_TESTS,LICENSED_COUNTRIES,requested,awarded,paid,evidenceChanged",
    );
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.includes("Jade Export Pictures,CN,SUBMITTED") && l.includes(",0.00,,1,0,0,5000.00,,0.00,no"))).toBe(true);
    expectProblem(await api.export(w.studio.headers, id), 404);
  });
});
