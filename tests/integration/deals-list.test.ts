/**
 * The deal list through GET /api/v1/deals: the summary a licensing desk scans (MG, window, main
 * territories), search by deal, title or counterparty, filters, every sort walked page by page
 * against an order computed here (ties and missing keys included), and what another organisation
 * sees (nothing).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/api/pagination";
import { dealsApi as api, draftDealViaApi, expectProblem, grantBody, type Registered, registerViaApi, titleViaApi } from "../support/api";
import { resetDb } from "../support/db";

let studio: Registered;
let siam: Registered;
let lion: Registered;
let rival: Registered;
let jade: string;
let river: string;

type Row = {
  id: string;
  name: string;
  updatedAt: string;
  minimumGuarantee: { amount: string; currency: string } | null;
  window: { start: string; end: string } | null;
  territories: string[];
  territoryCount: number;
};
const ids: Record<string, string> = {};

beforeEach(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Jade Studio", kind: "STUDIO", homeCountry: "CN" } });
  siam = await registerViaApi({ organization: { name: "Siam Screens", kind: "PARTNER", homeCountry: "TH" } });
  lion = await registerViaApi({ organization: { name: "Lion City Media", kind: "PARTNER", homeCountry: "SG" } });
  rival = await registerViaApi({ organization: { name: "Rival Studio", kind: "STUDIO", homeCountry: "KR" } });
  jade = await titleViaApi(studio.headers, { originalTitle: "玉山" });
  river = await titleViaApi(studio.headers, { originalTitle: "Long River" });
  const usd = (amount: string) => ({ terms: { minimumGuarantee: { amount, currency: "USD" } } });
  ids.alpha = await draftDealViaApi(
    studio.headers,
    { licenseeId: siam.orgId },
    [grantBody(jade, { territories: ["TH", "VN"] }), grantBody(river, { territories: ["TH"], start: "2026-06-01", end: "2027-03-31" })],
    { name: "alpha Thai pack", ...usd("1000") },
  );
  ids.bravo = await draftDealViaApi(
    studio.headers,
    { licenseeId: lion.orgId },
    [grantBody(river, { territories: ["SG", "MY"], start: "2028-01-01", end: "2029-12-31" })],
    {
      name: "Bravo Singapore",
    },
  );
  ids.charlie = await draftDealViaApi(studio.headers, { licenseeId: siam.orgId }, [], { name: "Charlie empty", ...usd("1000") });
  ids.delta = await draftDealViaApi(studio.headers, { licenseeId: lion.orgId }, [grantBody(jade, { territories: ["SEA"] })], {
    name: "delta 100% reach",
    ...usd("5000.50"),
  });
  ids.rival = await draftDealViaApi(rival.headers, { licenseeId: siam.orgId }, [], { name: "Rival Thai pack", ...usd("9000") });
});

async function list(who: Registered, query: Record<string, string> = {}) {
  const res = await api.list(who.headers, query);
  expect(res.status, res.text).toBe(200);
  return res.body as { items: Row[]; nextCursor: string | null };
}

const names = (rows: Row[]) => rows.map((r) => r.name);

/** Every page of a sort, two rows at a time. */
async function walk(query: Record<string, string>) {
  const seen: Row[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10; i++) {
    const page = await list(studio, { ...query, limit: "2", ...(cursor ? { cursor } : {}) });
    seen.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error("the list never ended");
}

const byId = (dir: 1 | -1) => (a: Row, b: Row) => (a.id < b.id ? -dir : a.id > b.id ? dir : 0);
/** Missing keys last whatever the direction; ties by id in the same direction. */
function expected(rows: Row[], key: (r: Row) => string | number | null, dir: 1 | -1) {
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? byId(dir)(a, b) : ka === null ? 1 : -1;
    return ka < kb ? -dir : ka > kb ? dir : byId(dir)(a, b);
  });
}

describe("GET /api/v1/deals", () => {
  it("rows carry the minimum guarantee, the window and the main territories", async () => {
    const { items } = await list(studio);
    const alpha = items.find((r) => r.id === ids.alpha);
    expect(alpha).toMatchObject({
      minimumGuarantee: { amount: "1000.00", currency: "USD" },
      window: { start: "2026-06-01", end: "2027-12-31" },
      territories: ["TH", "VN"],
      territoryCount: 2,
    });
    expect(items.find((r) => r.id === ids.bravo)).toMatchObject({ minimumGuarantee: null, territories: ["MY", "SG"] });
    expect(items.find((r) => r.id === ids.charlie)).toMatchObject({ window: null, territories: [], territoryCount: 0 });
    expect(items.find((r) => r.id === ids.delta)?.territories).toEqual(["SEA"]);
  });

  it("searches deal names, title names and the counterparty's name, case-insensitively and literally", async () => {
    expect(names((await list(studio, { q: "SINGAPORE" })).items)).toEqual(["Bravo Singapore"]);
    expect(names((await list(studio, { q: "玉山" })).items).sort()).toEqual(["alpha Thai pack", "delta 100% reach"]);
    expect(names((await list(studio, { q: "long river" })).items).sort()).toEqual(["Bravo Singapore", "alpha Thai pack"]);
    expect(names((await list(studio, { q: "lion city" })).items).sort()).toEqual(["Bravo Singapore", "delta 100% reach"]);
    // `%` is a character, not a wildcard; our own name is not the counterparty's.
    expect(names((await list(studio, { q: "0%" })).items)).toEqual(["delta 100% reach"]);
    expect((await list(studio, { q: "Jade Studio" })).items).toEqual([]);
  });

  it("filters by status, counterparty and title", async () => {
    expect(names((await list(studio, { counterpartyId: siam.orgId, sort: "name" })).items)).toEqual(["alpha Thai pack", "Charlie empty"]);
    expect(names((await list(studio, { titleId: jade, sort: "name" })).items)).toEqual(["alpha Thai pack", "delta 100% reach"]);
    expect((await list(studio, { status: "SIGNED" })).items).toEqual([]);
    expect((await list(studio, { status: "DRAFT" })).items).toHaveLength(4);
    expect(names((await list(siam, { sort: "name" })).items)).toEqual(["alpha Thai pack", "Charlie empty", "Rival Thai pack"]);
  });

  it("every sort and order pages stably, ties and missing keys included", async () => {
    const all = (await list(studio, { limit: "200" })).items;
    expect(all).toHaveLength(4);
    const mg = (r: Row) => (r.minimumGuarantee ? Number(r.minimumGuarantee.amount) : null);
    const cases: [string, (r: Row) => string | number | null][] = [
      ["updated", (r) => r.updatedAt],
      ["name", (r) => r.name.toLowerCase()],
      ["mg", mg],
      ["start", (r) => r.window?.start ?? null],
    ];
    for (const [sort, key] of cases) {
      for (const order of ["asc", "desc"] as const) {
        const walked = await walk({ sort, order });
        expect(names(walked), `${sort} ${order}`).toEqual(names(expected(all, key, order === "asc" ? 1 : -1)));
      }
    }
    // The defaults: newest first, names A–Z, largest MG first (none last).
    expect(names((await list(studio, { sort: "name" })).items)).toEqual([
      "alpha Thai pack",
      "Bravo Singapore",
      "Charlie empty",
      "delta 100% reach",
    ]);
    expect(names((await list(studio, { sort: "mg" })).items)).toEqual(names(expected(all, mg, -1)));
    expect((await list(studio, { sort: "mg" })).items[3]?.name).toBe("Bravo Singapore");
  });

  it("a cursor made for another sort, or crafted, reads as the first page; a bad sort is a 422", async () => {
    const first = await list(studio, { sort: "name", limit: "2" });
    const fromUpdated = (await list(studio, { sort: "updated", limit: "2" })).nextCursor;
    expect(fromUpdated).not.toBeNull();
    const crafted = [
      fromUpdated as string,
      encodeCursor({ s: "name", o: "desc", k: "m", id: ids.alpha }),
      encodeCursor({ s: "name", o: "asc", k: null, id: ids.alpha }),
      encodeCursor({ s: "name", o: "asc", k: "m", id: "not-a-uuid" }),
      encodeCursor({ u: "yesterday", id: ids.alpha }),
      "%%%",
    ];
    for (const cursor of crafted) {
      expect(names((await list(studio, { sort: "name", limit: "2", cursor })).items)).toEqual(names(first.items));
    }
    // A well-formed key is a value compared in SQL, never SQL: every name sorts before it.
    const injected = await list(studio, {
      sort: "name",
      cursor: encodeCursor({ s: "name", o: "asc", k: "x'; DROP TABLE deal; --", id: ids.alpha }),
    });
    expect(injected.items).toEqual([]);
    expect(
      names((await list(studio, { sort: "name", cursor: encodeCursor({ s: "name", o: "asc", k: "c", id: ids.alpha }) })).items),
    ).toEqual(["Charlie empty", "delta 100% reach"]);
    for (const query of [{ sort: "value" }, { order: "up" }, { counterpartyId: "nope" }, { q: "x".repeat(201) }]) {
      expectProblem(await api.list(studio.headers, query), 422);
    }
    expect((await list(studio)).items).toHaveLength(4);
  });

  it("another organisation sees none of the studio's deals, whatever it filters by", async () => {
    expect(names((await list(rival)).items)).toEqual(["Rival Thai pack"]);
    expect((await list(rival, { titleId: jade })).items).toEqual([]);
    expect((await list(rival, { counterpartyId: studio.orgId })).items).toEqual([]);
    expect((await list(rival, { q: "Thai" })).items.map((r) => r.id)).toEqual([ids.rival]);
    expect((await list(lion, { counterpartyId: siam.orgId })).items).toEqual([]);
    // A cursor pointing into the studio's list pages nothing of it to a stranger.
    const cursor = encodeCursor({ s: "name", o: "asc", k: "a", id: ids.alpha });
    expect((await list(rival, { sort: "name", cursor })).items.map((r) => r.id)).toEqual([ids.rival]);
  });
});
