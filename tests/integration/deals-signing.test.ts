import { beforeEach, describe, expect, it } from "vitest";
import { GET as getAvails } from "@/app/api/v1/avails/route";
import { POST as addGrant } from "@/app/api/v1/deals/[id]/grants/route";
import { POST as propose } from "@/app/api/v1/deals/[id]/propose/route";
import { POST as sign } from "@/app/api/v1/deals/[id]/sign/route";
import { POST as terminate } from "@/app/api/v1/deals/[id]/terminate/route";
import { POST as createDeal } from "@/app/api/v1/deals/route";
import { POST as createTitle } from "@/app/api/v1/titles/route";
import { db } from "@/lib/db/client";
import { callRoute, expectProblem, type Registered, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";
import { refusal } from "../support/refusal";

let studio: Registered;
let partners: Registered[];
let titleId: string;

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  partners = await Promise.all(
    ["TH", "BR", "VN"].map((c) => registerViaApi({ organization: { name: `Partner ${c}`, kind: "PARTNER", homeCountry: c } })),
  );
  const title = await callRoute(createTitle, "/api/v1/titles", {
    headers: studio.headers,
    json: { kind: "FILM", originalTitle: "玉山", originalLanguage: "zh", year: 2025, visibility: "LISTED" },
  });
  expect(title.status).toBe(201);
  titleId = title.body.id;
});

type GrantBody = {
  territories: string[];
  mediaRights: string[];
  start: string;
  end: string;
  exclusive: boolean;
  excludedTerritories?: string[];
};

/** A proposed deal, already signed by the licensee, waiting for the studio's signature. */
async function proposedDeal(partner: Registered, grant: GrantBody) {
  const deal = await callRoute(createDeal, "/api/v1/deals", {
    headers: studio.headers,
    json: { licenseeId: partner.orgId, currency: "USD", terms: { minimumGuarantee: { amount: "100000.00", currency: "USD" } } },
  });
  expect(deal.status).toBe(201);
  const id: string = deal.body.id;
  const withGrant = await callRoute(addGrant, `/api/v1/deals/${id}/grants`, {
    headers: studio.headers,
    params: { id },
    json: { titleId, ...grant },
  });
  expect(withGrant.status, withGrant.text).toBe(201);
  expect(
    (await callRoute(propose, `/api/v1/deals/${id}/propose`, { method: "POST", headers: studio.headers, params: { id } })).status,
  ).toBe(200);
  const partnerSigned = await callRoute(sign, `/api/v1/deals/${id}/sign`, { method: "POST", headers: partner.headers, params: { id } });
  expect(partnerSigned.status, partnerSigned.text).toBe(200);
  expect(partnerSigned.body.status).toBe("PROPOSED");
  return id;
}

const signAsStudio = (id: string) =>
  callRoute(sign, `/api/v1/deals/${id}/sign`, { method: "POST", headers: studio.headers, params: { id } });

describe("exclusive rights cannot be double-sold", () => {
  it("refuses the second overlapping exclusive deal with 409 naming the conflict", async () => {
    const first = await proposedDeal(partners[0]!, {
      territories: ["SEA"],
      mediaRights: ["DIGITAL"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
    });
    const second = await proposedDeal(partners[1]!, {
      territories: ["TH"],
      mediaRights: ["SVOD"],
      start: "2027-06-01",
      end: "2028-05-31",
      exclusive: true,
    });
    const signed = await signAsStudio(first);
    expect(signed.status).toBe(200);
    expect(signed.body.status).toBe("SIGNED");

    const refused = expectProblem(await signAsStudio(second), 409);
    expect(refused.type).toMatch(/rights-conflict/);
    const { conflicts } = refused as typeof refused & { conflicts: unknown[] };
    expect(conflicts).toEqual([
      expect.objectContaining({ dealId: first, titleId, countries: ["TH"], media: ["SVOD"], start: "2027-06-01", end: "2027-12-31" }),
    ]);
    expect((await db.deal.findUniqueOrThrow({ where: { id: second } })).status).toBe("PROPOSED");
    expect(await db.grantSlice.count({ where: { dealId: second } })).toBe(0);
  });

  it("names the conflicting deal only to its parties: a licensee learns the rights are taken, not by whom", async () => {
    const first = await proposedDeal(partners[0]!, {
      territories: ["PH"],
      mediaRights: ["SVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
    });
    expect((await signAsStudio(first)).body.status).toBe("SIGNED");
    // A second deal the studio signs first; the licensee's signature is the one refused.
    const deal = await callRoute(createDeal, "/api/v1/deals", {
      headers: studio.headers,
      json: { licenseeId: partners[1]!.orgId, currency: "USD" },
    });
    const id: string = deal.body.id;
    await callRoute(addGrant, `/api/v1/deals/${id}/grants`, {
      headers: studio.headers,
      params: { id },
      json: { titleId, territories: ["PH"], mediaRights: ["SVOD"], start: "2027-03-01", end: "2027-03-31", exclusive: true },
    });
    await callRoute(propose, `/api/v1/deals/${id}/propose`, { method: "POST", headers: studio.headers, params: { id } });
    expect((await signAsStudio(id)).body.status).toBe("PROPOSED");
    const refused = expectProblem(
      await callRoute(sign, `/api/v1/deals/${id}/sign`, { method: "POST", headers: partners[1]!.headers, params: { id } }),
      409,
    );
    const { conflicts } = refused as typeof refused & {
      conflicts: { dealId: string | null; grantId: string | null; dealName: string; countries: string[] }[];
    };
    expect(conflicts).toEqual([
      expect.objectContaining({ dealId: null, grantId: null, dealName: "another signed deal", countries: ["PH"] }),
    ]);
    expect(JSON.stringify(refused)).not.toContain(first);
  });

  it("non-exclusive grants never block each other; an exclusive one blocks non-exclusive ones", async () => {
    const a = await proposedDeal(partners[0]!, {
      territories: ["TH"],
      mediaRights: ["AVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: false,
    });
    const b = await proposedDeal(partners[1]!, {
      territories: ["TH"],
      mediaRights: ["AVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: false,
    });
    const c = await proposedDeal(partners[2]!, {
      territories: ["TH"],
      mediaRights: ["AVOD"],
      start: "2027-12-31",
      end: "2028-03-31",
      exclusive: true,
    });
    expect((await signAsStudio(a)).body.status).toBe("SIGNED");
    expect((await signAsStudio(b)).body.status).toBe("SIGNED");
    expectProblem(await signAsStudio(c), 409);
  });

  it("windows are inclusive: a deal ending the day before another starts does not conflict", async () => {
    const a = await proposedDeal(partners[0]!, {
      territories: ["BR"],
      mediaRights: ["SVOD"],
      start: "2027-01-01",
      end: "2027-06-30",
      exclusive: true,
    });
    const b = await proposedDeal(partners[1]!, {
      territories: ["BR"],
      mediaRights: ["SVOD"],
      start: "2027-07-01",
      end: "2027-12-31",
      exclusive: true,
    });
    const c = await proposedDeal(partners[2]!, {
      territories: ["BR"],
      mediaRights: ["SVOD"],
      start: "2027-06-30",
      end: "2027-06-30",
      exclusive: true,
    });
    expect((await signAsStudio(a)).body.status).toBe("SIGNED");
    expect((await signAsStudio(b)).body.status).toBe("SIGNED");
    expectProblem(await signAsStudio(c), 409);
  });

  it("when 20 signatures race, exactly one conflicting deal is signed", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push(
        await proposedDeal(partners[i % 3]!, {
          territories: ["VN"],
          mediaRights: ["SVOD"],
          start: "2028-01-01",
          end: "2028-12-31",
          exclusive: true,
        }),
      );
    }
    const results = await Promise.all(ids.map(signAsStudio));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    // The deal signed is the one answered 200, and the slice it holds is its own.
    const signed = ids[statuses.indexOf(200)]!;
    expect(await db.deal.findMany({ where: { id: { in: ids }, status: "SIGNED" }, select: { id: true } })).toEqual([{ id: signed }]);
    expect(await db.grantSlice.findMany({ where: { titleId, country: "VN", media: "SVOD" }, select: { dealId: true } })).toEqual([
      { dealId: signed },
    ]);
  });

  it("the database itself refuses overlapping exclusive rows, whatever the application does", async () => {
    const a = await proposedDeal(partners[0]!, {
      territories: ["MX"],
      mediaRights: ["SVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
    });
    expect((await signAsStudio(a)).body.status).toBe("SIGNED");
    const grant = await db.grant.findFirstOrThrow({ where: { dealId: a } });
    const refused = await refusal(
      db.$executeRaw`INSERT INTO grant_slice (grant_id, deal_id, title_id, country, media, start, "end", exclusive, holdback, lane)
                     VALUES (${grant.id}::uuid, ${a}::uuid, ${titleId}::uuid, 'MX', 'SVOD', '2027-05-01', '2027-05-02', false, false, 999999)`,
    );
    // 23P01 exclusion_violation, from the constraint against double grants (not some other refusal).
    expect(refused.sqlState).toBe("23P01");
    expect(refused.message).toContain("grant_slice_no_double_grant");
  });

  it("termination returns the rights: a blocked deal can then be signed, and avails show it", async () => {
    const a = await proposedDeal(partners[0]!, {
      territories: ["ID"],
      mediaRights: ["TVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
    });
    const b = await proposedDeal(partners[1]!, {
      territories: ["ID"],
      mediaRights: ["TVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
    });
    expect((await signAsStudio(a)).body.status).toBe("SIGNED");
    const blocked = await callRoute(getAvails, "/api/v1/avails", {
      headers: studio.headers,
      query: { titleId, territories: "ID", mediaRights: "TVOD", start: "2027-03-01", end: "2027-03-31", exclusive: "true" },
    });
    expect(blocked.body.items).toEqual([
      expect.objectContaining({
        territory: "ID",
        mediaRight: "TVOD",
        status: "BLOCKED",
        blockers: [expect.objectContaining({ dealId: a })],
      }),
    ]);
    const partnerView = await callRoute(getAvails, "/api/v1/avails", {
      headers: partners[2]!.headers,
      query: { titleId, territories: "ID", mediaRights: "TVOD", start: "2027-03-01", end: "2027-03-31" },
    });
    expect(partnerView.body.items).toEqual([{ titleId, territory: "ID", mediaRight: "TVOD", status: "BLOCKED" }]);

    expect(
      (
        await callRoute(terminate, `/api/v1/deals/${a}/terminate`, {
          headers: studio.headers,
          params: { id: a },
          json: { reason: "Partner exited the market" },
        })
      ).status,
    ).toBe(200);
    expect((await signAsStudio(b)).body.status).toBe("SIGNED");
  });
});

describe("expiry", () => {
  it("a signed deal whose grants have all ended becomes EXPIRED, once, with an audit entry", async () => {
    const { expireEndedDeals } = await import("@/lib/deals/commands/end");
    const ended = await proposedDeal(partners[0]!, {
      territories: ["KH"],
      mediaRights: ["SVOD"],
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: true,
    });
    const running = await proposedDeal(partners[1]!, {
      territories: ["LA"],
      mediaRights: ["SVOD"],
      start: "2027-01-01",
      end: "2029-12-31",
      exclusive: true,
    });
    await signAsStudio(ended);
    await signAsStudio(running);
    expect(await expireEndedDeals("2028-01-01")).toEqual([ended]);
    expect(await expireEndedDeals("2028-01-01")).toEqual([]);
    expect((await db.deal.findUniqueOrThrow({ where: { id: ended } })).status).toBe("EXPIRED");
    expect((await db.deal.findUniqueOrThrow({ where: { id: running } })).status).toBe("SIGNED");
    expect(await db.auditEntry.count({ where: { action: "deal.expire", entityId: ended } })).toBe(1);
  });
});
