/**
 * Issue 11, point 14: a studio's draft application is not the facility's business — its audit
 * entries stay hidden from the facility (also through `/api/v1/audit?entityId=`) until it is
 * submitted; a studio reads the terms that apply to it, not the facility's portfolio state.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { GET as listAudit } from "@/app/api/v1/audit/route";
import { callRoute } from "../support/api";
import { resetDb } from "../support/db";
import { expectProblem, type FacilityWorld, facilityApi, facilityWorld, usd } from "./facility-fixtures";

let w: FacilityWorld;

beforeEach(async () => {
  await resetDb();
  w = await facilityWorld();
});

const auditOf = async (headers: Record<string, string>, entityId?: string) => {
  const res = await callRoute(listAudit, "/api/v1/audit", { headers, query: { entityId, limit: 100 } });
  expect(res.status, res.text).toBe(200);
  return res.body.items as { action: string; entityId: string }[];
};

describe("the audit entries of a draft application", () => {
  it("are hidden from the facility until the studio submits (the attack: /api/v1/audit?entityId=)", async () => {
    const created = await facilityApi.apply(w.studio.headers, { dealId: w.dealId, amount: usd("1000.00"), purpose: "Secret plans" });
    expect(created.status, created.text).toBe(201);
    const id: string = created.body.id;

    expect(await auditOf(w.underwriter.headers, id)).toEqual([]);
    expect((await auditOf(w.underwriter.headers)).some((e) => e.entityId === id)).toBe(false);
    // The studio sees its own draft's history.
    expect((await auditOf(w.studio.headers, id)).map((e) => e.action)).toEqual(["advance.create"]);

    expect((await facilityApi.submit(w.studio.headers, id)).status).toBe(200);
    expect((await auditOf(w.underwriter.headers, id)).map((e) => e.action)).toEqual(["advance.submit", "advance.create"]);
  });

  it("an application submitted at creation is visible to the facility at once", async () => {
    const created = await facilityApi.apply(w.studio.headers, { dealId: w.dealId, amount: usd("1000.00"), purpose: "Open", submit: true });
    expect(created.status, created.text).toBe(201);
    expect((await auditOf(w.underwriter.headers, created.body.id)).map((e) => e.action)).toEqual(["advance.submit", "advance.create"]);
  });
});

describe("GET /api/v1/facility", () => {
  it("answers a studio with the terms that apply to it, never the facility's portfolio state", async () => {
    await facilityApi.apply(w.studio.headers, { dealId: w.dealId, amount: usd("1000.00"), purpose: "Count me", submit: true });
    const studio = await facilityApi.get(w.studio.headers);
    expect(studio.status).toBe(200);
    expect(studio.body).toMatchObject({ currency: "USD", advanceRatePct: "70", maxPerDeal: usd("400000.00"), maxPerLicenseePct: "50" });
    for (const field of [
      "capacity",
      "principalOutstanding",
      "approvedUndisbursed",
      "available",
      "utilisationPct",
      "utilisationWithReservedPct",
      "advanceCount",
    ])
      expect(studio.body, field).not.toHaveProperty(field);
    // A brand-new studio, too.
    const fresh = await facilityApi.get(w.otherStudio.headers);
    expect(fresh.status).toBe(200);
    expect(fresh.body).not.toHaveProperty("advanceCount");

    const staff = await facilityApi.get(w.underwriter.headers);
    expect(staff.body).toMatchObject({ capacity: usd("1000000.00"), principalOutstanding: usd("0.00"), advanceCount: 1 });
    expectProblem(await facilityApi.get(w.partner.headers), 404);
  });
});
