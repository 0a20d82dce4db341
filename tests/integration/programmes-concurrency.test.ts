import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { type Registered, registerViaApi, sessionHeaders } from "../support/api";
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

/** A studio with one delivered Thai version: its award preview is the 5,000.00 CNY version bonus. */
async function eligibleStudio(i: number): Promise<Registered> {
  const studio = await registerViaApi({ organization: { name: `Studio ${i}`, kind: "STUDIO", homeCountry: "CN" } });
  const { titleId, originalId } = await titleWithOriginal(studio, `Film ${i}`);
  await versionViaApi(studio, titleId, originalId, ["TH"]);
  return studio;
}

describe("awards and payouts under concurrency", () => {
  it("20 concurrent AWARD decisions never commit more than the budget", async () => {
    // Budget 52,000.00: ten awards of 5,000.00 fit, the eleventh would not.
    const id = await createProgramme(w, { budget: cny("52000.00") });
    const studios = await Promise.all(Array.from({ length: 20 }, (_, i) => eligibleStudio(i)));
    const appIds: string[] = [];
    for (const s of studios) {
      const appId = await applied(w, id, s);
      expect((await api.review(w.reviewer.headers, id, appId)).status).toBe(200);
      appIds.push(appId);
    }
    const results = await Promise.all(appIds.map((appId) => api.decide(w.owner.headers, id, appId, { decision: "AWARD", note: "Go." })));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 422)).toHaveLength(10);
    for (const r of results.filter((x) => x.status === 422)) {
      expect(r.body.type).toBe("/problems/budget-exceeded");
      expect(r.body.budget).toEqual(cny("52000.00"));
      expect(r.body.committed).toEqual(cny("50000.00"));
      expect(r.body.available).toEqual(cny("2000.00"));
    }
    const committed = await db.programmeApplication.aggregate({
      where: { programmeId: id, status: "AWARDED" },
      _sum: { awardedMinor: true },
    });
    expect(committed._sum.awardedMinor).toBe(5_000_000n);
    const dash = await api.dashboard(w.owner.headers, id);
    expect(dash.body.committed).toEqual(cny("50000.00"));
    expect(dash.body.byStatus).toMatchObject({ AWARDED: 10, IN_REVIEW: 10 });
  }, 120_000);

  it("20 concurrent payouts with different keys pay at most what was awarded", async () => {
    const id = await createProgramme(w);
    const studio = await eligibleStudio(0);
    const appId = await awarded(w, id, "5000.00", studio);
    // Each asks for 300.00: sixteen fit into 5,000.00 (4,800.00), the rest find at most 200.00 left.
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => api.payout(w.owner.headers, id, appId, `key-${i}`, { amount: cny("300.00") })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(16);
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(422);
      expect(r.body.type).toBe("/problems/payout-exceeds-award");
    }
    const sum = await db.programmeLedgerEntry.aggregate({ where: { applicationId: appId, kind: "PAYOUT" }, _sum: { amountMinor: true } });
    expect(sum._sum.amountMinor).toBe(480_000n);
    // The last 200.00 closes the award; nothing more can be paid.
    const last = await Promise.all(
      Array.from({ length: 5 }, (_, i) => api.payout(w.owner.headers, id, appId, `last-${i}`, { amount: cny("200.00") })),
    );
    expect(last.filter((r) => r.status === 201)).toHaveLength(1);
    const app = await api.application(w.owner.headers, id, appId);
    expect(app.body).toMatchObject({ status: "PAID", paid: cny("5000.00"), payable: cny("0.00") });
  }, 120_000);

  it("the same key sent 10 times at once pays once", async () => {
    const id = await createProgramme(w);
    const studio = await eligibleStudio(0);
    const appId = await awarded(w, id, "5000.00", studio);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => api.payout(w.owner.headers, id, appId, "same", { amount: cny("100.00") })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await db.programmeLedgerEntry.count({ where: { applicationId: appId } })).toBe(1);
  });
});

describe("tenancy", () => {
  it("a studio sees only its own applications; a programme only applications to it; partners and facilities get 404 on all of it", async () => {
    const id = await createProgramme(w);
    const mine = await applied(w, id);
    const theirs = await applied(w, id, w.otherStudio);

    // Another programme organisation with its own programme.
    const person = await registerViaApi({ organization: { name: "Rival fund officer's studio", kind: "STUDIO", homeCountry: "SG" } });
    const rivalOrg = await db.organization.create({
      data: { name: "Rival Fund", kind: "PROGRAMME", homeCountry: "KR", memberships: { create: { userId: person.userId, role: "OWNER" } } },
    });
    const rival = await sessionHeaders(person.userId, rivalOrg.id);

    const studioList = await api.applications(w.studio.headers, id);
    expect(studioList.body.items.map((a: { id: string }) => a.id)).toEqual([mine]);
    expect((await api.application(w.studio.headers, id, theirs)).status).toBe(404);
    expect((await api.application(w.studio.headers, id, mine)).status).toBe(200);
    const staffList = await api.applications(w.owner.headers, id);
    expect(staffList.body.items.map((a: { id: string }) => a.id).sort()).toEqual([mine, theirs].sort());
    // A studio cannot act as staff on its own application.
    expect((await api.review(w.studio.headers, id, mine)).status).toBe(403);
    expect((await api.payout(w.studio.headers, id, mine, "k", { amount: cny("1.00") })).status).toBe(403);
    expect((await api.dashboard(w.studio.headers, id)).status).toBe(404);

    // The rival programme sees nothing of this one.
    for (const res of [
      await api.get(rival, id),
      await api.applications(rival, id),
      await api.application(rival, id, mine),
      await api.review(rival, id, mine),
      await api.decide(rival, id, mine, { decision: "DECLINE", note: "x" }),
      await api.payout(rival, id, mine, "k", { amount: cny("1.00") }),
      await api.dashboard(rival, id),
      await api.export(rival, id),
    ]) {
      expect(res.status).toBe(404);
    }
    expect((await api.list(rival)).body.items).toEqual([]);

    // Partners and facilities: everything is 404.
    for (const headers of [w.partnerTh.headers, w.facility.headers]) {
      for (const res of [
        await api.list(headers),
        await api.create(headers, programmeBody()),
        await api.get(headers, id),
        await api.patch(headers, id, { version: 1 }),
        await api.eligibility(headers, id),
        await api.apply(headers, id),
        await api.applications(headers, id),
        await api.application(headers, id, mine),
        await api.review(headers, id, mine),
        await api.decide(headers, id, mine, { decision: "DECLINE", note: "x" }),
        await api.payout(headers, id, mine, "k", { amount: cny("1.00") }),
        await api.clawback(headers, id, mine, { amount: cny("1.00"), reason: "x" }),
        await api.dashboard(headers, id),
        await api.export(headers, id),
      ]) {
        expect(res.status, res.text).toBe(404);
      }
    }
  });
});
