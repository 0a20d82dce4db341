/**
 * GET /api/v1/avails: the query (CSV lists of territories and media, defaults, window,
 * exclusivity), its refusals, which titles it answers for (one title, a studio's own, the
 * marketplace of LISTED titles for partners), and its statuses end to end — rights held,
 * signed grants and holdbacks as the signature wrote them to the database.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { MEDIA_RIGHT_LEAVES } from "@/lib/reference/media-rights";
import { expandTerritories } from "@/lib/territories";
import {
  dealsApi as api,
  draftDealViaApi,
  errorPaths,
  expectProblem,
  grantBody,
  proposeAndSignViaApi,
  type Registered,
  registerViaApi,
  titleViaApi,
} from "../support/api";
import { resetDb } from "../support/db";
import { api as catalogue, MISSING_ID } from "./catalogue-fixtures";

let studio: Registered;
let partner: Registered;
let rival: Registered;
let listed: string;
let hidden: string;
let rivalListed: string;
let rivalHidden: string;

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  partner = await registerViaApi({ organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" } });
  rival = await registerViaApi({ organization: { name: "Han River Pictures", kind: "STUDIO", homeCountry: "KR" } });
  listed = await titleViaApi(studio.headers, { originalTitle: "A 玉山", visibility: "LISTED" });
  hidden = await titleViaApi(studio.headers, { originalTitle: "B 私藏", visibility: "PRIVATE" });
  rivalListed = await titleViaApi(rival.headers, { originalTitle: "C 한강", visibility: "LISTED" });
  rivalHidden = await titleViaApi(rival.headers, { originalTitle: "D 비밀", visibility: "PRIVATE" });
});

const WINDOW = { start: "2027-03-01", end: "2027-03-31" };
type Item = { titleId: string; territory: string; mediaRight: string; status: string; blockers?: unknown[] };
const cells = (items: Item[]) => items.map((i) => `${i.territory}|${i.mediaRight}`).sort();
const statusOf = (items: Item[], territory: string, mediaRight: string, titleId?: string) =>
  items.find((i) => i.territory === territory && i.mediaRight === mediaRight && (!titleId || i.titleId === titleId))?.status;

describe("the query", () => {
  it("takes CSV lists mixing countries and groups, parents and leaves", async () => {
    const res = await api.avails(studio.headers, { titleId: listed, territories: "VN,SEA", mediaRights: "SVOD,TV", ...WINDOW });
    expect(res.status, res.text).toBe(200);
    expect(res.body.titles).toBe(1);
    const sea = [...expandTerritories(["SEA"])];
    expect(sea).toHaveLength(11);
    expect(cells(res.body.items)).toEqual(sea.flatMap((c) => ["FREE_TV", "PAY_TV", "SVOD"].map((m) => `${c}|${m}`)).sort());
    expect(res.body.items.every((i: Item) => i.titleId === listed && i.status === "AVAILABLE")).toBe(true);
  });

  it("trims spaces and ignores empty entries in the lists", async () => {
    const res = await api.avails(studio.headers, { titleId: listed, territories: " VN , TH,,", mediaRights: "SVOD, AVOD", ...WINDOW });
    expect(res.status, res.text).toBe(200);
    expect(cells(res.body.items)).toEqual(["TH|AVOD", "TH|SVOD", "VN|AVOD", "VN|SVOD"]);
  });

  it("defaults to every country and every leaf media right", async () => {
    const res = await api.avails(studio.headers, { titleId: listed, ...WINDOW });
    expect(res.status, res.text).toBe(200);
    expect(res.body.items).toHaveLength(249 * MEDIA_RIGHT_LEAVES.length);
    expect(new Set(res.body.items.map((i: Item) => i.mediaRight))).toEqual(new Set(MEDIA_RIGHT_LEAVES));
    expect(new Set(res.body.items.map((i: Item) => i.territory)).size).toBe(249);
  });

  it("defaults to an exclusive request: a non-exclusive licence blocks it, but not a non-exclusive request", async () => {
    const id = await draftDealViaApi(studio.headers, { licenseeId: partner.orgId }, [grantBody(listed, { exclusive: false })]);
    await proposeAndSignViaApi(id, studio.headers, partner.headers);
    const q = { titleId: listed, territories: "TH", mediaRights: "SVOD", ...WINDOW };
    expect((await api.avails(studio.headers, q)).body.items[0].status).toBe("BLOCKED");
    expect((await api.avails(studio.headers, { ...q, exclusive: "true" })).body.items[0].status).toBe("BLOCKED");
    expect((await api.avails(studio.headers, { ...q, exclusive: "false" })).body.items[0].status).toBe("AVAILABLE");
  });

  it.each([
    ["an unknown territory", { territories: "VN,XX" }, ["territories"]],
    ["a lower-case country code", { territories: "vn" }, ["territories"]],
    ["an unknown media right", { mediaRights: "SVOD,VOD" }, ["mediaRights"]],
    ["an empty territory list", { territories: "," }, ["territories"]],
    ["a window ending before it starts", { start: "2027-12-31", end: "2027-01-01" }, ["end"]],
    ["no start", { start: undefined }, ["start"]],
    ["an impossible date", { end: "2027-02-30" }, ["end"]],
    ["exclusive neither true nor false", { exclusive: "yes" }, ["exclusive"]],
    ["a malformed title id", { titleId: "abc" }, ["titleId"]],
    ["a malformed studio id", { titleId: undefined, studioId: "abc" }, ["studioId"]],
  ])("refuses %s with 422", async (_name, overrides, paths) => {
    const res = await api.avails(studio.headers, { titleId: listed, territories: "VN", mediaRights: "SVOD", ...WINDOW, ...overrides });
    const problem = expectProblem(res, 422);
    expect(errorPaths(problem)).toEqual(paths);
  });

  it("names the unknown codes", async () => {
    const problem = expectProblem(await api.avails(studio.headers, { titleId: listed, territories: "VN,XX,QQ", ...WINDOW }), 422);
    expect(problem.errors?.[0]?.message).toContain("XX");
    expect(problem.errors?.[0]?.message).toContain("QQ");
  });

  it("refuses a question too broad to answer (422), and answers it narrowed", async () => {
    // 48 titles × 249 countries × 21 leaves is more than 250,000 cells.
    for (let i = 0; i < 46; i++)
      await titleViaApi(studio.headers, { originalTitle: `Title ${i}`, visibility: i % 2 ? "LISTED" : "PRIVATE" });
    const broad = expectProblem(await api.avails(studio.headers, WINDOW), 422);
    expect(broad.type).toBe("/problems/too-broad");
    expect(errorPaths(broad)).toEqual(["territories"]);
    expect(broad.detail).toContain(String(48 * 249 * MEDIA_RIGHT_LEAVES.length));

    const narrowed = await api.avails(studio.headers, { territories: "VN", ...WINDOW });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.titles).toBe(48);
    expect(narrowed.body.items).toHaveLength(48 * MEDIA_RIGHT_LEAVES.length);
    // One title is never too broad.
    expect((await api.avails(studio.headers, { titleId: listed, ...WINDOW })).status).toBe(200);
  });

  it("needs authentication", async () => {
    expectProblem(await api.avails({}, { titleId: listed, ...WINDOW }), 401);
  });
});

describe("which titles", () => {
  it("a title the caller cannot see is 404, like one that does not exist", async () => {
    for (const [headers, titleId] of [
      [partner.headers, hidden],
      [rival.headers, hidden],
      [studio.headers, rivalHidden],
      [partner.headers, MISSING_ID],
    ] as const) {
      const problem = expectProblem(await api.avails(headers, { titleId, territories: "VN", ...WINDOW }), 404);
      expect(problem.detail).toBe("Title not found.");
    }
  });

  it("a partner sees the LISTED titles of every studio", async () => {
    const res = await api.avails(partner.headers, { territories: "VN", mediaRights: "SVOD", ...WINDOW });
    expect(res.status).toBe(200);
    expect(res.body.titles).toBe(2);
    expect(res.body.items.map((i: Item) => i.titleId).sort()).toEqual([listed, rivalListed].sort());
    // …or of one studio; and any one LISTED title.
    const ofRival = await api.avails(partner.headers, { studioId: rival.orgId, territories: "VN", mediaRights: "SVOD", ...WINDOW });
    expect(ofRival.body.items.map((i: Item) => i.titleId)).toEqual([rivalListed]);
    const one = await api.avails(partner.headers, { titleId: rivalListed, territories: "VN", mediaRights: "SVOD", ...WINDOW });
    expect(one.body.items).toEqual([{ titleId: rivalListed, territory: "VN", mediaRight: "SVOD", status: "AVAILABLE" }]);
  });

  it("a studio sees all its own titles by default, and only the LISTED ones of another studio", async () => {
    const own = await api.avails(studio.headers, { territories: "VN", mediaRights: "SVOD", ...WINDOW });
    expect(own.body.items.map((i: Item) => i.titleId).sort()).toEqual([listed, hidden].sort());
    const other = await api.avails(studio.headers, { studioId: rival.orgId, territories: "VN", mediaRights: "SVOD", ...WINDOW });
    expect(other.body.items.map((i: Item) => i.titleId)).toEqual([rivalListed]);
  });

  it("an archived title drops out of the marketplace", async () => {
    const archived = await catalogue.patchTitle(studio.headers, listed, { archived: true });
    expect(archived.status, archived.text).toBe(200);
    const res = await api.avails(partner.headers, { territories: "VN", mediaRights: "SVOD", ...WINDOW });
    expect(res.body.items.map((i: Item) => i.titleId)).toEqual([rivalListed]);
  });
});

describe("statuses end to end", () => {
  it("NOT_HELD outside the rights held, AVAILABLE inside", async () => {
    const put = await api.putRightsHeld(studio.headers, listed, {
      items: [
        {
          territories: ["SEA"],
          excludedTerritories: ["VN"],
          mediaRights: ["DIGITAL"],
          start: "2027-01-01",
          end: "2027-06-30",
          exclusive: true,
        },
      ],
    });
    expect(put.status, put.text).toBe(200);
    const res = await api.avails(studio.headers, { titleId: listed, territories: "TH,VN,JP", mediaRights: "SVOD,FREE_TV", ...WINDOW });
    expect(res.body.items).toHaveLength(6);
    expect(statusOf(res.body.items, "TH", "SVOD")).toBe("AVAILABLE");
    expect(statusOf(res.body.items, "TH", "FREE_TV")).toBe("NOT_HELD");
    expect(statusOf(res.body.items, "VN", "SVOD")).toBe("NOT_HELD");
    expect(statusOf(res.body.items, "JP", "SVOD")).toBe("NOT_HELD");
    // One day beyond the held window.
    const late = await api.avails(studio.headers, {
      titleId: listed,
      territories: "TH",
      mediaRights: "SVOD",
      start: "2027-06-01",
      end: "2027-07-01",
    });
    expect(late.body.items[0].status).toBe("NOT_HELD");
    // Partners see NOT_HELD too (it is a status, not a detail).
    expect(
      (await api.avails(partner.headers, { titleId: listed, territories: "JP", mediaRights: "SVOD", ...WINDOW })).body.items[0].status,
    ).toBe("NOT_HELD");
  });

  it("only SIGNED deals block: a proposed one does not, a terminated one no longer does", async () => {
    const id = await draftDealViaApi(studio.headers, { licenseeId: partner.orgId }, [
      grantBody(listed, { territories: ["SEA"], mediaRights: ["DIGITAL"] }),
    ]);
    const q = { titleId: listed, territories: "VN,JP", mediaRights: "AVOD", ...WINDOW };
    await api.propose(studio.headers, id);
    await api.sign(partner.headers, id);
    expect(statusOf((await api.avails(studio.headers, q)).body.items, "VN", "AVOD")).toBe("AVAILABLE");

    expect((await api.sign(studio.headers, id)).body.status).toBe("SIGNED");
    const signed = (await api.avails(studio.headers, q)).body.items;
    expect(statusOf(signed, "VN", "AVOD")).toBe("BLOCKED");
    expect(statusOf(signed, "JP", "AVOD")).toBe("AVAILABLE");

    expect((await api.terminate(studio.headers, id)).status).toBe(200);
    expect(statusOf((await api.avails(studio.headers, q)).body.items, "VN", "AVOD")).toBe("AVAILABLE");
  });

  it("inclusive windows: blocked on the grant's last day, available the day after", async () => {
    const id = await draftDealViaApi(studio.headers, { licenseeId: partner.orgId }, [
      grantBody(listed, { territories: ["BR"], start: "2027-01-01", end: "2027-06-30" }),
    ]);
    await proposeAndSignViaApi(id, studio.headers, partner.headers);
    const on = (start: string, end: string) =>
      api
        .avails(studio.headers, { titleId: listed, territories: "BR", mediaRights: "SVOD", start, end })
        .then((r) => r.body.items[0].status);
    expect(await on("2027-06-30", "2027-12-31")).toBe("BLOCKED");
    expect(await on("2027-07-01", "2027-12-31")).toBe("AVAILABLE");
    expect(await on("2026-01-01", "2027-01-01")).toBe("BLOCKED");
    expect(await on("2026-01-01", "2026-12-31")).toBe("AVAILABLE");
  });

  it("a signed holdback blocks its media and territory until the day before `until`", async () => {
    const id = await draftDealViaApi(studio.headers, { licenseeId: partner.orgId }, [
      grantBody(listed, {
        territories: ["TH"],
        mediaRights: ["SVOD"],
        exclusive: false,
        holdbacks: [{ mediaRights: ["TV"], territories: ["TH", "LA"], until: "2027-07-01" }],
      }),
    ]);
    await proposeAndSignViaApi(id, studio.headers, partner.headers);
    const grantId = (await api.get(studio.headers, id)).body.grants[0].id;
    const ask = (start: string, end: string, territories = "TH", mediaRights = "FREE_TV") =>
      api
        .avails(studio.headers, { titleId: listed, territories, mediaRights, start, end, exclusive: "false" })
        .then((r) => r.body.items as Item[]);

    expect(await ask("2027-06-30", "2027-06-30")).toEqual([
      {
        titleId: listed,
        territory: "TH",
        mediaRight: "FREE_TV",
        status: "BLOCKED",
        blockers: [{ dealId: id, grantId, start: "2027-01-01", end: "2027-06-30", exclusive: true, holdback: true }],
      },
    ]);
    expect((await ask("2027-07-01", "2027-12-31"))[0]!.status).toBe("AVAILABLE");
    const spring = await ask("2027-03-01", "2027-03-31", "TH,LA,VN", "FREE_TV,PAY_TV,SVOD");
    expect(statusOf(spring, "LA", "PAY_TV")).toBe("BLOCKED");
    expect(statusOf(spring, "VN", "FREE_TV")).toBe("AVAILABLE");
    // The non-exclusive SVOD licence itself does not block a non-exclusive request.
    expect(statusOf(spring, "TH", "SVOD")).toBe("AVAILABLE");
  });
});
