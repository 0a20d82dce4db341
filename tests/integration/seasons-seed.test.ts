/**
 * The demo seed's series (issue 15 point 7): “The Celestial Path” in three seasons with their
 * episodes, season 1 and season 2 licensed to different partners in different territories, and a
 * second run changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { seedCatalogue } from "@/lib/catalogue/seed";
import { db } from "@/lib/db/client";
import { seedDeals } from "@/lib/deals/seed";
import { seed } from "@/prisma/seed";
import { resetDb } from "../support/db";

beforeAll(async () => {
  await resetDb();
  await seed();
}, 600_000);

describe("the demo series", () => {
  it("has three seasons whose episodes add up to its episode count", async () => {
    const title = await db.title.findFirstOrThrow({
      where: { originalTitle: "天衍仙途" },
      include: { seasons: { orderBy: { number: "asc" }, include: { _count: { select: { episodes: true } } } } },
    });
    expect(title.seasons.map((s) => [s.number, s.titleEn, s._count.episodes])).toEqual([
      [1, "The Broken Seal", 12],
      [2, "Nine Realms", 12],
      [3, "The Immortal Sect", 10],
    ]);
    expect(title.seasons.reduce((n, s) => n + s._count.episodes, 0)).toBe(title.episodeCount);
  });

  it("licenses season 1 and season 2 separately, to different partners in different territories; the SEA deal still covers every season", async () => {
    const grants = await db.grant.findMany({
      where: { title: { originalTitle: "天衍仙途" }, deal: { status: "SIGNED" } },
      include: { deal: { include: { licensee: true } } },
      orderBy: { createdAt: "asc" },
    });
    const bySeasons = grants.map((g) => [g.seasons, g.deal.licensee.name, g.territories]);
    expect(bySeasons).toEqual(
      expect.arrayContaining([
        [[], "Siam Screen Distribution", ["SEA"]],
        [[1], "Aurora Filmes", ["BR"]],
        [[2], "Siam Screen Distribution", ["TH", "LA"]],
      ]),
    );
    const seasonSlices = await db.grantSlice.findMany({
      where: { grantId: { in: grants.filter((g) => g.seasons.length > 0).map((g) => g.id) } },
      select: { country: true, seasonFrom: true, seasonTo: true },
    });
    expect(new Set(seasonSlices.map((s) => `${s.country}:${s.seasonFrom}-${s.seasonTo}`))).toEqual(new Set(["BR:1-1", "TH:2-2", "LA:2-2"]));
  });

  it("has one deal amended (window extended, territory added, signed by both) and one renewal option open", async () => {
    const amended = await db.deal.findFirstOrThrow({
      where: { name: "The Celestial Path · Season 2 · Thai pay TV 2026–2027" },
      include: { amendments: true, grants: true },
    });
    expect(amended.amendments).toHaveLength(1);
    const [amendment] = amended.amendments;
    expect(amendment).toMatchObject({ status: "SIGNED", number: 1 });
    const applied = amendment!.applied as { before: { grants: { end: string; territories: string[] }[] }; after: typeof applied.before };
    expect(applied.before.grants.map((g) => [g.end, g.territories])).toEqual([["2027-12-31", ["TH"]]]);
    expect(applied.after.grants.map((g) => [g.end, g.territories])).toEqual([["2028-06-30", ["TH", "LA"]]]);
    expect(amended.grants.map((g) => g.end.toISOString().slice(0, 10))).toEqual(["2028-06-30"]);

    const renewable = await db.deal.findFirstOrThrow({ where: { name: "The Celestial Path · Season 1 · Brazil streaming 2026–2028" } });
    expect(renewable.status).toBe("SIGNED");
    expect(renewable.renewalOption).toMatchObject({ noticeBy: "2027-11-30", extendsTo: "2029-02-28", mgIncreasePct: "10" });
    expect(await db.dealAmendment.count({ where: { dealId: renewable.id } })).toBe(0);
  });

  it("a second run creates nothing", async () => {
    const before = { seasons: await db.season.count(), episodes: await db.episode.count(), deals: await db.deal.count() };
    expect((await seedCatalogue()).created).toBe(false);
    expect((await seedDeals()).created).toBe(false);
    expect({ seasons: await db.season.count(), episodes: await db.episode.count(), deals: await db.deal.count() }).toEqual(before);
  });
});
