/**
 * The reference-data endpoints (PRODUCT.md §3): territories, media rights,
 * genres, currencies and languages, answered from maintained packages without signing in.
 */
import { describe, expect, it } from "vitest";
import { GET as listCurrencies } from "@/app/api/v1/currencies/route";
import { GET as listGenres } from "@/app/api/v1/genres/route";
import { GET as listLanguages } from "@/app/api/v1/languages/route";
import { GET as listMediaRights } from "@/app/api/v1/media-rights/route";
import { GET as listTerritories } from "@/app/api/v1/territories/route";
import { callRoute, errorPaths, expectProblem } from "../support/api";

type Named = { code: string; name: { en: string; zh: string } };
type Territory = Named & { type: "COUNTRY" | "REGION" | "GROUP"; members?: string[] };
type MediaNode = Named & { children: MediaNode[] };

const HAN = /\p{Script=Han}/u;

async function territories(query: Record<string, string> = {}): Promise<Territory[]> {
  const res = await callRoute(listTerritories, "/api/v1/territories", { query });
  expect(res.status).toBe(200);
  expect(res.contentType).toBe("application/json");
  return res.body.items;
}

describe("GET /api/v1/territories", () => {
  it("lists every ISO 3166-1 country (249) once, each with an English and a Chinese name", async () => {
    const items = await territories();
    const countries = items.filter((t) => t.type === "COUNTRY");
    expect(countries).toHaveLength(249);
    expect(new Set(countries.map((c) => c.code)).size).toBe(249);
    for (const c of countries) {
      expect(c.code).toMatch(/^[A-Z]{2}$/);
      expect(c.name.en, c.code).toMatch(/\S/);
      expect(c.name.zh, c.code).toMatch(HAN);
      expect(c.members).toBeUndefined();
    }
    const byCode = new Map(countries.map((c) => [c.code, c]));
    expect(byCode.get("CN")?.name).toEqual({ en: "China", zh: "中国" });
    expect(byCode.get("TH")?.name.zh).toBe("泰国");
    expect(byCode.get("BR")?.name.en).toBe("Brazil");
    // Taiwan and Kosovo: ISO 3166-1 has the first, only a user-assigned code for the second.
    expect(byCode.has("TW")).toBe(true);
    expect(byCode.has("XK")).toBe(false);
  });

  it("has UN M49 035 South-eastern Asia with exactly its eleven members", async () => {
    const region = (await territories()).find((t) => t.code === "035");
    expect(region).toMatchObject({ type: "REGION", name: { en: "South-eastern Asia" } });
    expect(region?.name.zh).toMatch(HAN);
    expect([...(region?.members ?? [])].sort()).toEqual(["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN"]);
  });

  it("has UN M49 419 Latin America and the Caribbean with its 52 members", async () => {
    const region = (await territories()).find((t) => t.code === "419");
    expect(region).toMatchObject({ type: "REGION", name: { en: "Latin America and the Caribbean" } });
    expect(region?.members).toHaveLength(52);
    expect(region?.members).toEqual(expect.arrayContaining(["MX", "BR", "AR", "JM", "CL", "CU", "HT", "PR"]));
    // North America and Europe are not in it.
    for (const outside of ["US", "CA", "ES", "PT"]) expect(region?.members).not.toContain(outside);
  });

  it("every region and group member is a listed country", async () => {
    const items = await territories();
    const countries = new Set(items.filter((t) => t.type === "COUNTRY").map((t) => t.code));
    for (const t of items.filter((i) => i.type !== "COUNTRY")) {
      expect(t.members?.length, t.code).toBeGreaterThan(0);
      for (const m of t.members ?? []) expect(countries.has(m), `${t.code} member ${m}`).toBe(true);
      expect(t.name.en, t.code).toMatch(/\S/);
      expect(t.name.zh, t.code).toMatch(/\S/);
    }
    expect(items.find((t) => t.code === "001")?.members).toHaveLength(249);
  });

  it("has the named commercial groups with their members", async () => {
    const groups = new Map((await territories()).filter((t) => t.type === "GROUP").map((g) => [g.code, g]));
    for (const code of ["WORLDWIDE", "MENA", "DACH", "GREATER_CHINA", "SEA", "LATAM", "EU"]) {
      expect(groups.has(code), code).toBe(true);
      expect(groups.get(code)?.members?.length, code).toBeGreaterThan(0);
    }
    const members = (code: string) => [...(groups.get(code)?.members ?? [])].sort();
    expect(members("WORLDWIDE")).toHaveLength(249);
    expect(members("DACH")).toEqual(["AT", "CH", "DE"]);
    expect(members("GREATER_CHINA")).toEqual(["CN", "HK", "MO", "TW"]);
    expect(members("SEA")).toEqual(["BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN"]);
    expect(members("LATAM")).toHaveLength(52);
    expect(members("EU")).toHaveLength(27);
    expect(members("EU")).toEqual(expect.arrayContaining(["DE", "FR", "HR", "BG", "IE"]));
    expect(members("EU")).not.toContain("GB");
    expect(members("MENA")).toEqual(expect.arrayContaining(["AE", "EG", "SA", "MA"]));
  });

  it("filters by type", async () => {
    const groups = await territories({ type: "GROUP" });
    expect(groups.length).toBeGreaterThanOrEqual(7);
    expect(groups.every((g) => g.type === "GROUP")).toBe(true);
    expect(groups.map((g) => g.code)).toEqual(expect.arrayContaining(["WORLDWIDE", "SEA", "EU"]));

    const regions = await territories({ type: "REGION" });
    expect(regions.every((r) => r.type === "REGION")).toBe(true);
    expect(regions.map((r) => r.code)).toEqual(expect.arrayContaining(["001", "035", "419", "150"]));

    const countries = await territories({ type: "COUNTRY" });
    expect(countries).toHaveLength(249);
    expect(countries.every((c) => c.type === "COUNTRY")).toBe(true);

    expect(groups.length + regions.length + countries.length).toBe((await territories()).length);
  });

  it("refuses an unknown type with 422 on the query field", async () => {
    for (const type of ["country", "CONTINENT", ""]) {
      const res = await callRoute(listTerritories, "/api/v1/territories", { query: { type } });
      expect(errorPaths(expectProblem(res, 422)), type).toEqual(["type"]);
    }
  });
});

describe("GET /api/v1/media-rights", () => {
  it("is the two-level taxonomy of PRODUCT.md §3", async () => {
    const res = await callRoute(listMediaRights, "/api/v1/media-rights");
    expect(res.status).toBe(200);
    const tree: MediaNode[] = res.body.items;
    const shape = Object.fromEntries(tree.map((p) => [p.code, p.children.map((c) => c.code)]));
    expect(shape).toEqual({
      THEATRICAL: [],
      TV: ["FREE_TV", "PAY_TV"],
      DIGITAL: ["SVOD", "AVOD", "TVOD", "EST"],
      NON_THEATRICAL: ["AIRLINE", "SHIP", "HOTEL", "EDUCATIONAL"],
      HOME_VIDEO: [],
      DERIVATIVE: ["REMAKE", "FORMAT", "SEQUEL"],
      ANCILLARY: ["MERCHANDISING", "GAME_ADAPTATION", "COMICS_WEBTOON", "SOUNDTRACK", "LIVE_EVENTS", "THEME_PARK"],
    });
    for (const node of tree.flatMap((p) => [p, ...p.children])) {
      expect(node.name.en, node.code).toMatch(/\S/);
      expect(node.name.zh, node.code).toMatch(HAN);
    }
    // Two levels only: leaves have no children of their own.
    for (const parent of tree) for (const child of parent.children) expect(child.children).toEqual([]);
  });
});

describe("GET /api/v1/genres", () => {
  it("includes the managed genres of PRODUCT.md §2 with English and Chinese names", async () => {
    const res = await callRoute(listGenres, "/api/v1/genres");
    expect(res.status).toBe(200);
    const items: Named[] = res.body.items;
    const byEn = new Map(items.map((g) => [g.name.en.toLowerCase(), g]));
    const spec = [
      "xianxia",
      "wuxia",
      "crime",
      "action-adventure",
      "fantasy",
      "romance",
      "science fiction",
      "comedy",
      "mobile action rpg",
      "sandbox shooter",
    ];
    for (const name of spec) {
      const genre = byEn.get(name);
      expect(genre, name).toBeDefined();
      expect(genre?.name.zh, name).toMatch(HAN);
    }
    expect(items.find((g) => g.code === "XIANXIA")?.name).toEqual({ en: "Xianxia", zh: "仙侠" });
    expect(items.find((g) => g.code === "WUXIA")?.name).toEqual({ en: "Wuxia", zh: "武侠" });
    expect(items.find((g) => g.code === "SCI_FI")?.name.en).toBe("Science fiction");
    expect(new Set(items.map((g) => g.code)).size).toBe(items.length);
  });
});

describe("GET /api/v1/currencies", () => {
  it("carries ISO 4217 minor units: CNY 2, USD 2, EUR 2, KRW 0, JPY 0, BHD 3", async () => {
    const res = await callRoute(listCurrencies, "/api/v1/currencies");
    expect(res.status).toBe(200);
    const byCode = new Map<string, { minorUnits: number | null; name: { en: string; zh: string } }>(
      res.body.items.map((c: { code: string }) => [c.code, c]),
    );
    expect(Object.fromEntries(["CNY", "USD", "EUR", "KRW", "JPY", "BHD"].map((c) => [c, byCode.get(c)?.minorUnits]))).toEqual({
      CNY: 2,
      USD: 2,
      EUR: 2,
      KRW: 0,
      JPY: 0,
      BHD: 3,
    });
    expect(byCode.get("CNY")?.name.zh).toBe("人民币");
    expect(byCode.size).toBeGreaterThan(150);
  });
});

describe("GET /api/v1/languages", () => {
  it("lists BCP 47 tags with names, including those the catalogue uses", async () => {
    const res = await callRoute(listLanguages, "/api/v1/languages");
    expect(res.status).toBe(200);
    const codes = new Set(res.body.items.map((l: { code: string }) => l.code));
    for (const code of ["en", "zh", "th", "ko", "ja"]) expect(codes.has(code), code).toBe(true);
    const zh = res.body.items.find((l: Named) => l.code === "zh");
    expect(zh.name.en).toMatch(/Chinese/);
    expect(zh.name.zh).toMatch(HAN);
  });
});
