/**
 * GET /api/v1/titles: search over original, English and Chinese titles,
 * filters, sorting, keyset pagination with an opaque cursor, and refusals of bad queries.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { errorPaths, expectProblem, type Registered, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";
import { api, createTitleViaApi, expectStatus } from "./catalogue-fixtures";

type Item = { id: string; originalTitle: string; year: number; updatedAt: string; createdAt: string; kind: string };

let studio: Registered;
let other: Registered;
let partner: Registered;
const ids: Record<string, string> = {};

const SEED: { key: string; body: Record<string, unknown> }[] = [
  {
    key: "jade",
    body: {
      kind: "FILM",
      originalTitle: "玉龙传",
      titles: { en: "The Jade Dragon", zh: "玉龙传" },
      genres: ["XIANXIA", "FANTASY"],
      year: 2023,
      visibility: "LISTED",
    },
  },
  {
    key: "street",
    body: {
      kind: "SERIES",
      originalTitle: "Crime Street",
      titles: { zh: "罪案街" },
      originalLanguage: "ko",
      genres: ["CRIME"],
      year: 2021,
      episodeCount: 16,
    },
  },
  { key: "sword", body: { kind: "SERIES", originalTitle: "剑雨江湖", titles: { en: "Sword Rain" }, genres: ["WUXIA"], year: 2023 } },
  {
    key: "dragonet",
    body: { kind: "ANIMATION", originalTitle: "Dragonet", titles: {}, genres: ["FANTASY", "COMEDY"], year: 2019, visibility: "LISTED" },
  },
  {
    key: "blast",
    body: { kind: "GAME", originalTitle: "Sandbox Blast", titles: { zh: "沙盒爆破" }, genres: ["SANDBOX_SHOOTER"], year: 2024 },
  },
  {
    key: "ashes",
    body: { kind: "FILM", originalTitle: "Ashes of Time", titles: { zh: "东邪西毒" }, genres: ["WUXIA", "ROMANCE"], year: 2023 },
  },
  {
    key: "percent",
    body: { kind: "FORMAT", originalTitle: "100% Idol", titles: { en: "Idol_Camp" }, genres: [], year: 2022, visibility: "LISTED" },
  },
];

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ email: "owner@studio.test", organization: { name: "Studio", kind: "STUDIO", homeCountry: "CN" } });
  other = await registerViaApi({ email: "owner@other.test", organization: { name: "Other", kind: "STUDIO", homeCountry: "JP" } });
  partner = await registerViaApi({ email: "owner@partner.test", organization: { name: "Partner", kind: "PARTNER", homeCountry: "TH" } });
  for (const { key, body } of SEED) {
    ids[key] = (
      await createTitleViaApi(studio.headers, { originalLanguage: "zh", synopsis: undefined, runtimeMinutes: undefined, ...body })
    ).id;
  }
  // Another studio's titles, which must never show in this studio's list.
  await createTitleViaApi(other.headers, {
    originalTitle: "Other Dragon",
    titles: { en: "Dragon elsewhere" },
    year: 2023,
    visibility: "LISTED",
  });
});

async function list(query: Record<string, string | number | undefined>, headers = studio.headers) {
  const res = await api.listTitles(headers, query);
  expectStatus(res, 200);
  return res.body as { items: Item[]; nextCursor: string | null; total: number };
}
const keysOf = (items: { id: string }[]) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id) ?? `?${i.id}`);
const sortedKeys = async (query: Record<string, string | number | undefined>, headers = studio.headers) =>
  keysOf((await list(query, headers)).items).sort();

describe("search (q)", () => {
  it("matches the original, English and Chinese titles, case-insensitively", async () => {
    expect(await sortedKeys({ q: "dragon" })).toEqual(["dragonet", "jade"]);
    expect(await sortedKeys({ q: "DRAGON" })).toEqual(["dragonet", "jade"]);
    expect(await sortedKeys({ q: "jAdE dRaGoN" })).toEqual(["jade"]);
    expect(await sortedKeys({ q: "玉龙" })).toEqual(["jade"]);
    expect(await sortedKeys({ q: "罪案" })).toEqual(["street"]);
    expect(await sortedKeys({ q: "crime street" })).toEqual(["street"]);
    expect(await sortedKeys({ q: "sword" })).toEqual(["sword"]);
    expect(await sortedKeys({ q: "江湖" })).toEqual(["sword"]);
    expect(await sortedKeys({ q: "东邪" })).toEqual(["ashes"]);
    expect(await sortedKeys({ q: "  ashes  " })).toEqual(["ashes"]);
    expect(await sortedKeys({ q: "nothing like this" })).toEqual([]);
    expect((await list({ q: "dragon" })).total).toBe(2);
  });

  it("treats % and _ as plain characters, not wildcards", async () => {
    expect(await sortedKeys({ q: "%" })).toEqual(["percent"]);
    expect(await sortedKeys({ q: "_" })).toEqual(["percent"]);
    expect(await sortedKeys({ q: "100%" })).toEqual(["percent"]);
    expect(await sortedKeys({ q: "a%e" })).toEqual([]);
    expect(await sortedKeys({ q: "\\" })).toEqual([]);
    expect(await sortedKeys({ q: "Idol_" })).toEqual(["percent"]);
  });

  it("searches only what the organisation may read: the partner finds LISTED titles of every studio", async () => {
    const found = await list({ q: "dragon" }, partner.headers);
    expect(found.items.map((i) => i.originalTitle).sort()).toEqual(["Dragonet", "Other Dragon", "玉龙传"]);
    expect(found.total).toBe(3);
    expect((await list({ q: "Crime" }, partner.headers)).items).toEqual([]);
  });
});

describe("filters", () => {
  it("filters by kind, genre and visibility, alone and together", async () => {
    expect(await sortedKeys({ kind: "SERIES" })).toEqual(["street", "sword"]);
    expect(await sortedKeys({ kind: "GAME" })).toEqual(["blast"]);
    expect(await sortedKeys({ kind: "MUSIC" })).toEqual([]);
    expect(await sortedKeys({ genre: "WUXIA" })).toEqual(["ashes", "sword"]);
    expect(await sortedKeys({ genre: "FANTASY" })).toEqual(["dragonet", "jade"]);
    expect(await sortedKeys({ visibility: "LISTED" })).toEqual(["dragonet", "jade", "percent"]);
    expect(await sortedKeys({ visibility: "PRIVATE" })).toEqual(["ashes", "blast", "street", "sword"]);
    expect(await sortedKeys({ genre: "WUXIA", kind: "FILM" })).toEqual(["ashes"]);
    expect(await sortedKeys({ genre: "FANTASY", visibility: "LISTED", q: "jade" })).toEqual(["jade"]);
    const res = await list({ genre: "WUXIA", kind: "FILM" });
    expect(res.total).toBe(1);
    expect(res.items[0]).toMatchObject({ originalTitle: "Ashes of Time", genres: ["WUXIA", "ROMANCE"], versionCount: 1 });
  });

  it("refuses unknown filter values with 422 on the query field", async () => {
    const cases: [Record<string, string | number>, string][] = [
      [{ kind: "PODCAST" }, "kind"],
      [{ genre: "NOPE" }, "genre"],
      [{ visibility: "PUBLIC" }, "visibility"],
      [{ sort: "rating" }, "sort"],
      [{ order: "up" }, "order"],
      [{ archived: "maybe" }, "archived"],
      [{ limit: 0 }, "limit"],
      [{ limit: 500 }, "limit"],
      [{ limit: -1 }, "limit"],
      [{ limit: "ten" }, "limit"],
      [{ limit: 2.5 }, "limit"],
      [{ q: "x".repeat(201) }, "q"],
    ];
    for (const [query, path] of cases) {
      const res = await api.listTitles(studio.headers, query);
      expect(errorPaths(expectProblem(res, 422)), JSON.stringify(query)).toEqual([path]);
    }
  });

  it("accepts the limit bounds 1 and 200", async () => {
    expect((await list({ limit: 1 })).items).toHaveLength(1);
    expect((await list({ limit: 200 })).items).toHaveLength(SEED.length);
  });
});

describe("sorting and keyset pagination", () => {
  async function walk(query: Record<string, string | number | undefined>): Promise<{ pages: Item[][]; totals: number[] }> {
    const pages: Item[][] = [];
    const totals: number[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 50; guard += 1) {
      const page = await list({ ...query, limit: 2, cursor });
      pages.push(page.items);
      totals.push(page.total);
      if (!page.nextCursor) return { pages, totals };
      cursor = page.nextCursor;
    }
    throw new Error("pagination did not end");
  }

  beforeEach(async () => {
    // Edit two titles so updatedAt differs from createdAt order.
    for (const key of ["street", "jade"])
      expectStatus(await api.patchTitle(studio.headers, ids[key] as string, { synopsis: `edited ${key}` }), 200);
  });

  for (const sort of ["title", "year", "updated", "created"] as const) {
    for (const order of ["asc", "desc"] as const) {
      it(`walks every title once with limit=2, sort=${sort} ${order}`, async () => {
        const { pages, totals } = await walk({ sort, order });
        const walked = pages.flat();
        // Pages of 2, the last one partial, the total stable on every page.
        expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
        expect(totals).toEqual([7, 7, 7, 7]);
        // No duplicates and no gaps.
        expect(new Set(walked.map((i) => i.id)).size).toBe(SEED.length);
        expect(walked.map((i) => i.id).sort()).toEqual(Object.values(ids).sort());
        // The same order as one big page.
        const all = await list({ sort, order, limit: 200 });
        expect(walked.map((i) => i.id)).toEqual(all.items.map((i) => i.id));
        // And that order is by the sort key, ties broken consistently (by id).
        const key = (i: Item) =>
          sort === "title" ? i.originalTitle : sort === "year" ? i.year : sort === "updated" ? i.updatedAt : i.createdAt;
        for (let n = 1; n < walked.length; n += 1) {
          const [prev, next] = [walked[n - 1] as Item, walked[n] as Item];
          if (key(prev) === key(next)) expect(order === "asc" ? prev.id < next.id : prev.id > next.id).toBe(true);
          else if (sort !== "title") expect(order === "asc" ? key(prev) < key(next) : key(prev) > key(next)).toBe(true);
        }
      });
    }
  }

  it("orders desc as the exact reverse of asc", async () => {
    for (const sort of ["title", "year", "updated"] as const) {
      const asc = (await walk({ sort, order: "asc" })).pages.flat().map((i) => i.id);
      const desc = (await walk({ sort, order: "desc" })).pages.flat().map((i) => i.id);
      expect(desc, sort).toEqual([...asc].reverse());
    }
  });

  it("sorts by year with ties (three titles of 2023) and by the edit time", async () => {
    const byYear = (await list({ sort: "year", order: "desc" })).items;
    expect(byYear.map((i) => i.year)).toEqual([2024, 2023, 2023, 2023, 2022, 2021, 2019]);
    const byUpdated = (await list({ sort: "updated", order: "desc" })).items;
    expect(keysOf(byUpdated.slice(0, 2))).toEqual(["jade", "street"]);
    const byCreated = (await list({ sort: "created", order: "asc" })).items;
    expect(keysOf(byCreated)).toEqual(SEED.map((s) => s.key));
  });

  it("paginates a filtered search, with the total of the filter", async () => {
    const first = await list({ genre: "FANTASY", limit: 1, sort: "year" });
    expect(first.total).toBe(2);
    expect(keysOf(first.items)).toEqual(["dragonet"]);
    const second = await list({ genre: "FANTASY", limit: 1, sort: "year", cursor: first.nextCursor as string });
    expect(keysOf(second.items)).toEqual(["jade"]);
    expect(second.nextCursor).toBeNull();
  });

  it("paginates the partner's marketplace the same way", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await list({ limit: 2, cursor, sort: "title" }, partner.headers);
      expect(page.total).toBe(4);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
  });

  it("paginates titles whose sort value makes a long cursor (300-character Chinese titles)", async () => {
    const long = (char: string) => `${char}${"龍".repeat(299)}`;
    for (const char of ["甲", "乙", "丙"]) await createTitleViaApi(studio.headers, { originalTitle: long(char), visibility: "PRIVATE" });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 10; guard += 1) {
      const res = await api.listTitles(studio.headers, { sort: "title", order: "desc", limit: 1, cursor });
      expectStatus(res, 200);
      seen.push(...res.body.items.map((i: Item) => i.id));
      cursor = res.body.nextCursor ?? undefined;
      if (!cursor) break;
    }
    expect(seen).toHaveLength(SEED.length + 3);
    expect(new Set(seen).size).toBe(SEED.length + 3);
  });

  it("never answers 500 to a bad cursor, including one from another sort", async () => {
    const titleCursor = (await list({ sort: "title", limit: 2 })).nextCursor as string;
    const yearCursor = (await list({ sort: "year", limit: 2 })).nextCursor as string;
    const updatedCursor = (await list({ sort: "updated", limit: 2 })).nextCursor as string;
    const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
    const cursors = [
      "garbage",
      "!!!",
      b64("not json"),
      b64({ v: 1 }),
      b64({ v: "x", id: "not-a-uuid" }),
      b64({ v: { nested: true }, id: ids.jade }),
      b64([1, 2, 3]),
      b64({ v: "not a date", id: ids.jade }),
      b64({ v: 1e308, id: ids.jade }),
      b64({ v: 99999999999, id: ids.jade }),
      b64({ v: 2.5, id: ids.jade }),
      b64({ v: "a\u0000b", id: ids.jade }),
      b64({ v: "0000-01-01T00:00:00.000Z", id: ids.jade }),
      b64({ v: "-271821-04-20T00:00:00.000Z", id: ids.jade }),
      b64({ v: "2023-02-30T00:00:00.000Z", id: ids.jade }),
    ];
    const combos: [Record<string, string>, string][] = [
      ...cursors.flatMap((cursor) =>
        (["title", "year", "updated", "created"] as const).map((sort): [Record<string, string>, string] => [{ sort }, cursor]),
      ),
      [{ sort: "year" }, titleCursor],
      [{ sort: "updated" }, titleCursor],
      [{ sort: "created" }, yearCursor],
      [{ sort: "title" }, yearCursor],
      [{ sort: "year" }, updatedCursor],
    ];
    for (const [query, cursor] of combos) {
      const res = await api.listTitles(studio.headers, { ...query, cursor, limit: 2 });
      expect(res.status, `${JSON.stringify(query)} ${Buffer.from(cursor, "base64url").toString()}`).toBeLessThan(500);
      if (res.status === 200) {
        expect(res.body.total).toBe(SEED.length);
      } else {
        expect(errorPaths(expectProblem(res, 422))).toEqual(["cursor"]);
      }
    }
    expect(errorPaths(expectProblem(await api.listTitles(studio.headers, { cursor: "x".repeat(4097) }), 422))).toEqual(["cursor"]);
    expect(await db.title.count()).toBe(SEED.length + 1);
  });
});

describe("Title A–Z in the viewer's language (issue 17 point 5)", () => {
  let collating: Registered;
  const names: Record<string, string> = {};
  const TITLES: [string, Record<string, unknown>][] = [
    ["apple", { originalTitle: "Apple Tree", originalLanguage: "en", titles: { zh: "苹果树" } }],
    ["banana", { originalTitle: "banana Boat", originalLanguage: "en", titles: {} }],
    ["cherry10", { originalTitle: "cherry 10", originalLanguage: "en", titles: {} }],
    ["cherry9", { originalTitle: "Cherry 9", originalLanguage: "en", titles: {} }],
    ["peking", { originalTitle: "北京故事", titles: { en: "Peking Story" } }],
    ["afu", { originalTitle: "阿福", titles: { en: "Lucky Ah Fu" } }],
    ["zebra", { originalTitle: "Zebra Crossing", originalLanguage: "en", titles: { zh: "斑马线" } }],
    ["emile", { originalTitle: "Émile", originalLanguage: "fr", titles: {} }],
  ];
  // English: case-insensitive, numbers by value, accents as their letter (by code point: "Apple",
  // "Cherry 9", "Lucky", "Peking", "Zebra", "banana", "cherry 10", "Émile").
  const ENGLISH = ["apple", "banana", "cherry9", "cherry10", "emile", "afu", "peking", "zebra"];
  // Chinese: the Chinese title (else the original), Han by pinyin — ā fú, bān mǎ xiàn, běi jīng,
  // píng guǒ shù — before Latin, as the CLDR pinyin collation orders them.
  const CHINESE = ["afu", "zebra", "peking", "apple", "banana", "cherry9", "cherry10", "emile"];

  beforeEach(async () => {
    collating = await registerViaApi({ organization: { name: "Collation Studio", kind: "STUDIO", homeCountry: "CN" } });
    for (const [key, body] of TITLES) {
      names[(await createTitleViaApi(collating.headers, { year: 2024, visibility: "LISTED", ...body })).id] = key;
    }
  });

  const order = async (query: Record<string, string | number | undefined>, headers: Record<string, string> = collating.headers) => {
    const res = await api.listTitles(headers, { sort: "title", limit: 200, ...query });
    expectStatus(res, 200);
    return (res.body.items as Item[]).map((i) => names[i.id]).filter(Boolean);
  };

  it("orders by the English title case-insensitively, or by the pinyin of the Chinese title", async () => {
    expect(await order({ locale: "en" })).toEqual(ENGLISH);
    expect(await order({ locale: "zh" })).toEqual(CHINESE);
    expect(await order({ locale: "en", order: "desc" })).toEqual([...ENGLISH].reverse());
    expect(await order({ locale: "zh", order: "desc" })).toEqual([...CHINESE].reverse());
  });

  it("takes the language from ?locale, else the UI language cookie, else Accept-Language", async () => {
    expect(await order({})).toEqual(ENGLISH);
    expect(await order({}, { ...collating.headers, "accept-language": "zh-CN,zh;q=0.9,en;q=0.8" })).toEqual(CHINESE);
    expect(await order({}, { ...collating.headers, cookie: `${collating.headers.cookie}; NEXT_LOCALE=zh` })).toEqual(CHINESE);
    expect(await order({ locale: "en" }, { ...collating.headers, "accept-language": "zh-CN" })).toEqual(ENGLISH);
    expect(errorPaths(expectProblem(await api.listTitles(collating.headers, { locale: "fr" }), 422))).toEqual(["locale"]);
  });

  it("walks the pages in that order, for the studio and in the partner's marketplace", async () => {
    for (const [locale, expected] of [
      ["en", ENGLISH],
      ["zh", CHINESE],
    ] as const) {
      for (const headers of [collating.headers, partner.headers]) {
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let guard = 0; guard < 20; guard += 1) {
          const res = await api.listTitles(headers, { sort: "title", locale, limit: 3, cursor });
          expectStatus(res, 200);
          seen.push(...(res.body.items as Item[]).map((i) => names[i.id] ?? "other"));
          cursor = res.body.nextCursor ?? undefined;
          if (!cursor) break;
        }
        expect(
          seen.filter((k) => k !== "other"),
          `${locale}`,
        ).toEqual(expected);
      }
    }
  });
});
