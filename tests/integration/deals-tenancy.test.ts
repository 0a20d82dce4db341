/**
 * "No one let in" for deals: an organisation that is not party to a deal cannot tell it exists
 * (404 on every deal route, exactly as for a deal that does not exist), lists only its own deals,
 * sees only the status of avails blocked by others' deals, and cannot read the chain of title of
 * a private title nor write another studio's.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import {
  dealsApi as api,
  draftDealViaApi,
  expectProblem,
  grantBody,
  proposeAndSignViaApi,
  type Registered,
  registerViaApi,
  titleViaApi,
} from "../support/api";
import { resetDb } from "../support/db";
import { MISSING_ID } from "./catalogue-fixtures";

let studio: Registered;
let partner: Registered;
/** Another partner, party to nothing here. */
let outsider: Registered;
/** Another studio, party to nothing here. */
let rival: Registered;
let titleId: string;

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  partner = await registerViaApi({ organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" } });
  outsider = await registerViaApi({ organization: { name: "Saigon Stream", kind: "PARTNER", homeCountry: "VN" } });
  rival = await registerViaApi({ organization: { name: "Han River Pictures", kind: "STUDIO", homeCountry: "KR" } });
  titleId = await titleViaApi(studio.headers, { originalTitle: "玉山", visibility: "LISTED" });
});

/** Everything about deals the database holds, to prove a refused call changed nothing. */
async function dealsSnapshot() {
  const [deals, grants, slices] = await Promise.all([
    db.deal.findMany({ orderBy: { id: "asc" } }),
    db.grant.findMany({ orderBy: { id: "asc" } }),
    db.grantSlice.count(),
  ]);
  return { deals, grants, slices };
}

describe("a deal is invisible to organisations not party to it", () => {
  it.each([
    ["a partner", () => outsider],
    ["a studio", () => rival],
  ])("%s gets 404 on every deal route, as for a deal that does not exist", async (_who, who) => {
    const stranger = who().headers;
    const id = await draftDealViaApi(studio.headers, { licenseeId: partner.orgId }, [grantBody(titleId)]);
    const proposed = await api.propose(studio.headers, id);
    expect(proposed.status).toBe(200);
    const { version, grants } = proposed.body;
    const before = await dealsSnapshot();

    const calls = (dealId: string, grantId: string) => [
      api.get(stranger, dealId),
      api.conflicts(stranger, dealId),
      api.patch(stranger, dealId, { version, name: "Mine now" }),
      api.addGrant(stranger, dealId, grantBody(titleId, { territories: ["VN"] })),
      api.deleteGrant(stranger, dealId, grantId),
      api.propose(stranger, dealId),
      api.sign(stranger, dealId),
      api.terminate(stranger, dealId),
    ];
    const answers = await Promise.all(calls(id, grants[0].id));
    const missing = await Promise.all(calls(MISSING_ID, MISSING_ID));
    for (const [i, res] of answers.entries()) {
      const problem = expectProblem(res, 404);
      // Word for word what a deal that does not exist answers: nothing tells the two apart.
      const none = expectProblem(missing[i]!, 404);
      expect({ type: problem.type, title: problem.title, detail: problem.detail }).toEqual({
        type: none.type,
        title: none.title,
        detail: none.detail,
      });
      expect(res.text).not.toContain(partner.orgId);
      expect(res.text).not.toContain("Siam");
    }
    expect(await dealsSnapshot()).toEqual(before);

    // Signed, it stays just as invisible (and cannot be terminated by a stranger).
    await api.sign(partner.headers, id);
    expect((await api.sign(studio.headers, id)).body.status).toBe("SIGNED");
    expectProblem(await api.get(stranger, id), 404);
    expectProblem(await api.terminate(stranger, id), 404);
    expect((await db.deal.findUniqueOrThrow({ where: { id } })).status).toBe("SIGNED");
  });

  it("a malformed deal id is a 404 too", async () => {
    expectProblem(await api.get(partner.headers, "not-a-uuid"), 404);
    expectProblem(await api.deleteGrant(partner.headers, "not-a-uuid", "also-not"), 404);
  });

  it("both parties see the deal", async () => {
    const id = await draftDealViaApi(studio.headers, { licenseeId: partner.orgId }, [grantBody(titleId)]);
    expect((await api.get(studio.headers, id)).body).toMatchObject({ id, role: "LICENSOR" });
    expect((await api.get(partner.headers, id)).body).toMatchObject({ id, role: "LICENSEE" });
    expect((await api.conflicts(partner.headers, id)).status).toBe(200);
  });
});

describe("deal lists", () => {
  it("list only the organisation's own deals, whatever the filter", async () => {
    const out = await draftDealViaApi(studio.headers, { licenseeId: partner.orgId }, [grantBody(titleId)]);
    const inFromRival = await draftDealViaApi(rival.headers, { licenseeId: partner.orgId }, []);
    const outsiders = await draftDealViaApi(outsider.headers, { licensorId: studio.orgId }, [grantBody(titleId, { territories: ["VN"] })]);

    const ids = async (headers: Record<string, string>, query: Record<string, string> = {}) => {
      const res = await api.list(headers, query);
      expect(res.status).toBe(200);
      return res.body.items.map((d: { id: string }) => d.id).sort();
    };
    expect(await ids(studio.headers)).toEqual([out, outsiders].sort());
    expect(await ids(partner.headers)).toEqual([out, inFromRival].sort());
    expect(await ids(outsider.headers)).toEqual([outsiders]);
    expect(await ids(rival.headers)).toEqual([inFromRival]);
    expect(await ids(rival.headers, { titleId })).toEqual([]);
    expect(await ids(partner.headers, { titleId })).toEqual([out]);
    expect(await ids(partner.headers, { status: "DRAFT", role: "LICENSEE" })).toEqual([out, inFromRival].sort());
    expect(await ids(studio.headers, { role: "LICENSOR" })).toEqual([out, outsiders].sort());
    expect(await ids(studio.headers, { role: "LICENSEE" })).toEqual([]);
  });

  it("pages with an opaque cursor without repeating or losing deals", async () => {
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push(await draftDealViaApi(studio.headers, { licenseeId: partner.orgId }, []));
    await draftDealViaApi(rival.headers, { licenseeId: outsider.orgId }, []);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.list(studio.headers, { limit: 2, cursor });
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((d: { id: string }) => d.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(created.sort());
  });
});

describe("avails: blocking details only for the licensor", () => {
  it("the title's studio sees the blockers; the licensee, outsiders and other studios see only the status", async () => {
    const id = await draftDealViaApi(studio.headers, { licenseeId: partner.orgId }, [grantBody(titleId)]);
    await proposeAndSignViaApi(id, studio.headers, partner.headers);
    const grantId = (await api.get(studio.headers, id)).body.grants[0].id;
    const query = { titleId, territories: "TH,VN", mediaRights: "SVOD", start: "2027-03-01", end: "2027-03-31" };

    const own = await api.avails(studio.headers, query);
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual([
      {
        titleId,
        territory: "TH",
        mediaRight: "SVOD",
        status: "BLOCKED",
        blockers: [{ dealId: id, grantId, start: "2027-01-01", end: "2027-12-31", exclusive: true, holdback: false }],
      },
      { titleId, territory: "VN", mediaRight: "SVOD", status: "AVAILABLE" },
    ]);

    for (const viewer of [partner, outsider, rival]) {
      const res = await api.avails(viewer.headers, query);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        { titleId, territory: "TH", mediaRight: "SVOD", status: "BLOCKED" },
        { titleId, territory: "VN", mediaRight: "SVOD", status: "AVAILABLE" },
      ]);
      expect(res.text).not.toContain(id);
      expect(res.text).not.toContain(grantId);
    }

    // The same through the marketplace-wide question (no titleId).
    const market = await api.avails(outsider.headers, { territories: "TH", mediaRights: "SVOD", start: "2027-03-01", end: "2027-03-31" });
    expect(market.body.items).toEqual([{ titleId, territory: "TH", mediaRight: "SVOD", status: "BLOCKED" }]);
  });

  it("a studio licensing in does not see the details of its licensor's title", async () => {
    const foreignTitle = await titleViaApi(rival.headers, { originalTitle: "한강", visibility: "LISTED" });
    const id = await draftDealViaApi(studio.headers, { licensorId: rival.orgId }, [grantBody(foreignTitle, { territories: ["CN"] })]);
    await proposeAndSignViaApi(id, studio.headers, rival.headers);
    const query = { titleId: foreignTitle, territories: "CN", mediaRights: "SVOD", start: "2027-03-01", end: "2027-03-31" };
    expect((await api.avails(studio.headers, query)).body.items).toEqual([
      { titleId: foreignTitle, territory: "CN", mediaRight: "SVOD", status: "BLOCKED" },
    ]);
    expect((await api.avails(rival.headers, query)).body.items).toEqual([
      expect.objectContaining({ status: "BLOCKED", blockers: [expect.objectContaining({ dealId: id })] }),
    ]);
  });
});

describe("rights held of others' titles", () => {
  const items = [
    { territories: ["SEA"], excludedTerritories: [], mediaRights: ["DIGITAL"], start: "2027-01-01", end: null, exclusive: true },
  ];

  it("a PRIVATE title's rights held are 404 to everyone but its studio", async () => {
    const hidden = await titleViaApi(studio.headers, { originalTitle: "私藏", visibility: "PRIVATE" });
    expect((await api.putRightsHeld(studio.headers, hidden, { items })).status).toBe(200);
    expect((await api.rightsHeld(studio.headers, hidden)).body.items).toEqual(items);
    for (const viewer of [partner, outsider, rival]) {
      const res = await api.rightsHeld(viewer.headers, hidden);
      expectProblem(res, 404);
      expect(res.text).not.toContain("SEA");
    }
    expectProblem(await api.rightsHeld(partner.headers, MISSING_ID), 404);
  });

  it("a LISTED title's rights held can be read by partners", async () => {
    expect((await api.rightsHeld(partner.headers, titleId)).body).toMatchObject({ items: [], default: true });
  });

  it("another studio cannot write them (404, nothing written), whether the title is listed or private", async () => {
    const hidden = await titleViaApi(studio.headers, { originalTitle: "私藏", visibility: "PRIVATE" });
    await api.putRightsHeld(studio.headers, titleId, { items });
    for (const target of [titleId, hidden]) {
      expectProblem(await api.putRightsHeld(rival.headers, target, { items: [] }), 404);
    }
    expect((await api.rightsHeld(studio.headers, titleId)).body).toMatchObject({ items, default: false });
    expect((await api.rightsHeld(studio.headers, hidden)).body).toMatchObject({ items: [], default: true });
  });
});
