/**
 * Issue 15 point 2: statements already accepted keep the terms they were accepted under; new
 * statements are checked against the grants in force during their period (amendments apply from
 * their effective date).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { POST as proposeAmendment } from "@/app/api/v1/deals/[id]/amendments/[aid]/propose/route";
import { POST as signAmendment } from "@/app/api/v1/deals/[id]/amendments/[aid]/sign/route";
import { POST as createAmendment } from "@/app/api/v1/deals/[id]/amendments/route";
import { GET as getDeal } from "@/app/api/v1/deals/[id]/route";
import { callRoute, expectProblem } from "../support/api";
import { resetDb } from "../support/db";
import { statementsApi as api, line, signedWorld, usd, type World } from "./statements-fixtures";

let w: World;
beforeEach(async () => {
  await resetDb();
  w = await signedWorld();
});

/** Creates, proposes and signs (both parties) an amendment; answers the second signature. */
async function amend(effectiveOn: string, changes: Record<string, unknown>) {
  const created = await callRoute(createAmendment, `/api/v1/deals/${w.dealId}/amendments`, {
    headers: w.studio.headers,
    params: { id: w.dealId },
    json: { effectiveOn, changes },
  });
  expect(created.status, created.text).toBe(201);
  const aid = created.body.id as string;
  const path = `/api/v1/deals/${w.dealId}/amendments/${aid}`;
  const params = { id: w.dealId, aid };
  expect((await callRoute(proposeAmendment, `${path}/propose`, { method: "POST", headers: w.studio.headers, params })).status).toBe(200);
  const first = await callRoute(signAmendment, `${path}/sign`, { method: "POST", headers: w.partner.headers, params });
  expect(first.status, first.text).toBe(200);
  const second = await callRoute(signAmendment, `${path}/sign`, { method: "POST", headers: w.studio.headers, params });
  expect(second.status, second.text).toBe(200);
  return second;
}

describe("accepted statements keep their terms", () => {
  it("amending the expense cap and the MG after acceptance leaves the accepted statement's figures as accepted", async () => {
    const q1 = await api.submit(w.partner.headers, w.dealId, {
      periodStart: "2027-01-01",
      periodEnd: "2027-03-31",
      lines: [line(w.titleId, "2000.00")],
      expenses: usd("300.00"),
    });
    expect(q1.status, q1.text).toBe(201);
    expect((await api.accept(w.studio.headers, q1.body.id)).status).toBe(200);
    const accepted = (await api.get(w.studio.headers, q1.body.id)).body.waterfall;
    // G 2000, F 400, E min(300, 100) = 100, N 1500, S 750, O 0 (MG 1000).
    expect(accepted.cumulative).toMatchObject({ expenses: usd("100.00"), net: usd("1500.00"), overage: usd("0.00") });

    // Cap 100 → 500 and MG 1000 → 600 (one instalment of 400 + one of 200).
    await amend("2027-04-01", {
      terms: {
        expenseCap: usd("500.00"),
        minimumGuarantee: usd("600.00"),
        instalments: [
          { amount: usd("400.00"), trigger: "SIGNATURE" },
          { amount: usd("200.00"), trigger: "DELIVERY" },
        ],
      },
    });
    const deal = await callRoute(getDeal, `/api/v1/deals/${w.dealId}`, { headers: w.studio.headers, params: { id: w.dealId } });
    expect(deal.body.terms.expenseCap).toEqual(usd("500.00"));
    // Under the new terms Q1 would read E 300, N 1300, S 650, O 50; as accepted it stays as it was.
    expect((await api.get(w.studio.headers, q1.body.id)).body.waterfall).toEqual(accepted);
    expect((await api.get(w.partner.headers, q1.body.id)).body.waterfall).toEqual(accepted);

    // A new statement is reckoned under the amended terms: G 3000, F 600, E min(300 + 100, 500) = 400, N 2000, S 1000, O 400.
    const q2 = await api.submit(w.partner.headers, w.dealId, {
      periodStart: "2027-04-01",
      periodEnd: "2027-06-30",
      lines: [line(w.titleId, "1000.00")],
      expenses: usd("100.00"),
    });
    expect(q2.status, q2.text).toBe(201);
    expect(q2.body.waterfall.cumulative).toMatchObject({
      expenses: usd("400.00"),
      net: usd("2000.00"),
      licensorShare: usd("1000.00"),
      overage: usd("400.00"),
    });
    // Its period figures run from Q1 as accepted: the periods add up to the latest cumulative.
    expect(q2.body.waterfall.period).toMatchObject({ expenses: usd("300.00"), overage: usd("400.00") });
  });
});

describe("new statements use the grants in force on their period", () => {
  it("a territory removed by a later amendment is still reportable for earlier periods; one added later is not, before its effective date", async () => {
    const grantId = (await callRoute(getDeal, `/api/v1/deals/${w.dealId}`, { headers: w.studio.headers, params: { id: w.dealId } })).body
      .grants[0].id as string;
    // From July: VN is removed, KR added (the grant runs all 2027).
    await amend("2027-07-01", { updateGrants: [{ grantId, territories: ["TH", "KR"] }] });

    // Q1: VN was granted then; KR was not yet.
    const refused = expectProblem(
      await api.submit(w.partner.headers, w.dealId, {
        periodStart: "2027-01-01",
        periodEnd: "2027-03-31",
        lines: [line(w.titleId, "100.00", { territory: "VN" }), line(w.titleId, "100.00", { territory: "KR" })],
      }),
      422,
    );
    expect(refused.errors).toEqual([
      expect.objectContaining({
        path: "lines.1.territory",
        code: "GRANT_NOT_IN_FORCE",
        params: { territory: "KR", mediaRight: "SVOD", effectiveOn: "2027-07-01" },
      }),
    ]);
    const q1 = await api.submit(w.partner.headers, w.dealId, {
      periodStart: "2027-01-01",
      periodEnd: "2027-03-31",
      lines: [line(w.titleId, "100.00", { territory: "VN" })],
    });
    expect(q1.status, q1.text).toBe(201);

    // Q4: KR is granted, VN no longer.
    const q3refused = expectProblem(
      await api.submit(w.partner.headers, w.dealId, {
        periodStart: "2027-10-01",
        periodEnd: "2027-12-31",
        lines: [line(w.titleId, "100.00", { territory: "VN" })],
      }),
      422,
    );
    expect(q3refused.errors).toEqual([expect.objectContaining({ path: "lines.0.territory", code: "TERRITORY_NOT_GRANTED" })]);
    const q3 = await api.submit(w.partner.headers, w.dealId, {
      periodStart: "2027-10-01",
      periodEnd: "2027-12-31",
      lines: [line(w.titleId, "100.00", { territory: "KR" })],
    });
    expect(q3.status, q3.text).toBe(201);

    // A period across the effective date: both VN (before) and KR (after) were in force in part of it.
    const h2 = await api.submit(w.partner.headers, w.dealId, {
      periodStart: "2027-04-01",
      periodEnd: "2027-09-30",
      lines: [line(w.titleId, "100.00", { territory: "VN" }), line(w.titleId, "100.00", { territory: "KR" })],
    });
    expect(h2.status, h2.text).toBe(201);
  });
});
